package models

import "context"

// Lunch is what an organiser needs to order food and delivery vouchers.
type Lunch struct {
	InPerson int            `json:"in_person"`
	Dietary  []DietaryCount `json:"dietary"`
	Remote   []RemoteEater  `json:"remote"`
}

// DietaryCount is how many people in the room share one dietary need.
type DietaryCount struct {
	Need  string `db:"need" json:"need"`
	Count int    `db:"count" json:"count"`
}

// RemoteEater is someone joining remotely, who may get a delivery voucher.
type RemoteEater struct {
	Name    string `db:"name" json:"name"`
	Email   string `db:"email" json:"email"`
	Dietary string `db:"dietary" json:"dietary"`
}

const lunchInPersonSQL = `
SELECT count(*) FROM rsvps WHERE meetup_id = $1 AND status = 'yes' AND mode = 'in_person'`

const lunchDietarySQL = `
SELECT lower(dietary) AS need, count(*) AS count FROM rsvps
WHERE meetup_id = $1 AND status = 'yes' AND mode = 'in_person' AND dietary <> ''
GROUP BY lower(dietary) ORDER BY count(*) DESC, lower(dietary)`

const lunchRemoteSQL = `
SELECT p.name, p.email, r.dietary FROM rsvps r JOIN people p ON p.id = r.person_id
WHERE r.meetup_id = $1 AND r.status = 'yes' AND r.mode = 'remote'
ORDER BY lower(p.name), lower(p.email)`

// Lunch sums up the confirmed in-person count, their dietary needs and the remote list.
func (s *Store) Lunch(ctx context.Context, meetupID string) (Lunch, error) {
	l := Lunch{Dietary: []DietaryCount{}, Remote: []RemoteEater{}}
	if err := s.DB.GetContext(ctx, &l.InPerson, lunchInPersonSQL, meetupID); err != nil {
		return l, mapErr(err)
	}
	if err := s.DB.SelectContext(ctx, &l.Dietary, lunchDietarySQL, meetupID); err != nil {
		return l, mapErr(err)
	}
	err := s.DB.SelectContext(ctx, &l.Remote, lunchRemoteSQL, meetupID)
	return l, mapErr(err)
}
