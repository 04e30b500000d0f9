package models

import "context"

// ZoneCount is how many of a meetup's people live in one time zone.
type ZoneCount struct {
	Zone  string `db:"zone" json:"zone"`
	Count int    `db:"count" json:"count"`
}

const invitedZonesSQL = `
SELECT p.timezone AS zone, count(*) AS count FROM rsvps r JOIN people p ON p.id = r.person_id
WHERE r.meetup_id = $1 AND r.team_id = $2 GROUP BY p.timezone ORDER BY count(*) DESC, p.timezone LIMIT 50`

// AudienceZones groups a meetup's people by time zone, most first: those invited, or, before
// any invitation, the members of its audience (its whole team when it has none).
func (s *Store) AudienceZones(ctx context.Context, teamID, meetupID string) ([]ZoneCount, error) {
	out := []ZoneCount{}
	if err := s.DB.SelectContext(ctx, &out, invitedZonesSQL, meetupID, teamID); err != nil || len(out) > 0 {
		return out, mapErr(err)
	}
	members, err := s.AudienceTimeZones(ctx, meetupID)
	for _, z := range members {
		out = append(out, ZoneCount{Zone: z.Zone, Count: z.People})
	}
	return out, err
}
