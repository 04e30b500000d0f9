package models

import (
	"context"
)

// speakerAudienceCTE selects the people a meetup reaches, as "members": the directory's
// membership rule (membersCTE, $1–$6) with the criteria of the meetup's audience
// (meetupCriteria); a meetup without an audience reaches its whole team.
const speakerAudienceCTE = `WITH ` + membersCTE

// meetupAudienceSQL is a meetup's team and audience.
const meetupAudienceSQL = `SELECT team_id, audience_id FROM meetups WHERE id = $1`

// meetupCriteria are the arguments of membersCTE for a meetup's audience: no criteria (the whole
// team) when it has none.
func (s *Store) meetupCriteria(ctx context.Context, meetupID string) ([]any, error) {
	var m struct {
		TeamID     string  `db:"team_id"`
		AudienceID *string `db:"audience_id"`
	}
	if err := s.DB.GetContext(ctx, &m, meetupAudienceSQL, meetupID); err != nil {
		return nil, mapErr(err)
	}
	var a Audience
	if m.AudienceID != nil {
		if err := s.DB.GetContext(ctx, &a, getAudienceSQL, *m.AudienceID, m.TeamID); err != nil {
			return nil, mapErr(err)
		}
	}
	return a.criteria(m.TeamID), nil
}

// ZonePeople is how many audience members live in one time zone.
type ZonePeople struct {
	Zone   string `db:"zone" json:"zone"`
	People int    `db:"people" json:"people"`
}

const audienceTimeZonesSQL = speakerAudienceCTE + `
SELECT timezone AS zone, count(*) AS people FROM members GROUP BY timezone ORDER BY count(*) DESC, timezone`

// AudienceTimeZones counts a meetup's audience per time zone.
func (s *Store) AudienceTimeZones(ctx context.Context, meetupID string) ([]ZonePeople, error) {
	args, err := s.meetupCriteria(ctx, meetupID)
	if err != nil {
		return nil, err
	}
	out := []ZonePeople{}
	err = s.DB.SelectContext(ctx, &out, audienceTimeZonesSQL, args...)
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

// audienceTalliesSQL counts the members per department (in its most common spelling) and per
// interest (in lower case), whatever their case and accents, as the audience rule matches them.
const audienceTalliesSQL = speakerAudienceCTE + `
SELECT 'department' AS kind, mode() WITHIN GROUP (ORDER BY department) AS value, count(*) AS count FROM members
WHERE department <> '' GROUP BY department_fold
UNION ALL
SELECT 'interest', mode() WITHIN GROUP (ORDER BY lower(i)), count(*)
FROM members, unnest(interests, interests_fold) u(i, f) GROUP BY f
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
	args, err := s.meetupCriteria(ctx, meetupID)
	if err != nil {
		return b, err
	}
	if err := s.DB.SelectContext(ctx, &rows, audienceTalliesSQL, args...); err != nil {
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
