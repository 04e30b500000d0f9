package models

import "context"

const yesMeetupsSQL = `
SELECT ` + meetupColumns + ` FROM meetups
WHERE team_id = $2 AND stage <> 'cancelled' AND starts_at IS NOT NULL
  AND ends_at > now() - interval '1 year'
  AND id IN (SELECT meetup_id FROM rsvps WHERE person_id = $1 AND status = 'yes')
ORDER BY starts_at LIMIT 500`

// YesMeetups lists the meetups a person said yes to, cancelled ones left out: their calendar feed.
func (s *Store) YesMeetups(ctx context.Context, teamID, personID string) ([]Meetup, error) {
	out := []Meetup{}
	err := s.DB.SelectContext(ctx, &out, yesMeetupsSQL, personID, teamID)
	return out, mapErr(err)
}
