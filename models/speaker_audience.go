package models

import (
	"context"
)

// speakerAudienceCTE selects the people a meetup ($1) reaches, as "members".
//
// TODO(directory): when the directory branch's audience membership query lands, select the
// members of meetups.audience_id here (and keep the whole team when audience_id is NULL).
// Until then every meetup reaches all the people of its team. This is the only place to change.
const speakerAudienceCTE = `
WITH members AS (
    SELECT p.id, p.department, p.timezone, p.interests
    FROM people p JOIN meetups m ON m.team_id = p.team_id
    WHERE m.id = $1
)`

// ZonePeople is how many audience members live in one time zone.
type ZonePeople struct {
	Zone   string `db:"zone" json:"zone"`
	People int    `db:"people" json:"people"`
}

const audienceTimeZonesSQL = speakerAudienceCTE + `
SELECT timezone AS zone, count(*) AS people FROM members GROUP BY timezone ORDER BY count(*) DESC, timezone`

// AudienceTimeZones counts a meetup's audience per time zone.
func (s *Store) AudienceTimeZones(ctx context.Context, meetupID string) ([]ZonePeople, error) {
	out := []ZonePeople{}
	err := s.DB.SelectContext(ctx, &out, audienceTimeZonesSQL, meetupID)
	return out, mapErr(err)
}

// Tally is a value and how many have it.
type Tally struct {
	Value string `db:"value" json:"value"`
	Count int    `db:"count" json:"count"`
}

// BriefAudience is the audience profile a speaker brief describes.
type BriefAudience struct {
	Size        int     `json:"size"`
	Departments []Tally `json:"departments"`
	Interests   []Tally `json:"interests"`
	Zones       []ZonePeople
}

const audienceTalliesSQL = speakerAudienceCTE + `
SELECT 'department' AS kind, department AS value, count(*) AS count FROM members
WHERE department <> '' GROUP BY department
UNION ALL
SELECT 'interest', lower(i), count(*) FROM members, unnest(interests) i GROUP BY lower(i)
ORDER BY count DESC, value`

// AudienceForBrief profiles a meetup's audience: size, top departments and interests, time zones.
func (s *Store) AudienceForBrief(ctx context.Context, meetupID string, top int) (BriefAudience, error) {
	var b BriefAudience
	zones, err := s.AudienceTimeZones(ctx, meetupID)
	if err != nil {
		return b, err
	}
	b.Zones = zones
	for _, z := range zones {
		b.Size += z.People
	}
	var rows []struct {
		Kind string `db:"kind"`
		Tally
	}
	if err := s.DB.SelectContext(ctx, &rows, audienceTalliesSQL, meetupID); err != nil {
		return b, mapErr(err)
	}
	for _, r := range rows {
		if r.Kind == "department" && len(b.Departments) < top {
			b.Departments = append(b.Departments, r.Tally)
		} else if r.Kind == "interest" && len(b.Interests) < top {
			b.Interests = append(b.Interests, r.Tally)
		}
	}
	return b, nil
}
