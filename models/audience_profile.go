package models

import (
	"context"
	"sort"
)

// topInterests is how many interests a profile lists.
const topInterests = 10

// Count is how many members share one value.
type Count struct {
	Key   string `db:"key" json:"key"`
	Count int    `db:"count" json:"count"`
}

// Profile describes an audience: its size and how its members spread.
type Profile struct {
	Size         int     `json:"size"`
	Departments  []Count `json:"departments"`
	Locations    []Count `json:"locations"`
	Timezones    []Count `json:"timezones"`
	TopInterests []Count `json:"top_interests"`
}

// profileSQL counts the members per department, location and interest whatever their case and
// accents (by the stored folds, as the rule matches them), each shown in its most common spelling.
const profileSQL = `WITH ` + membersCTE + `
SELECT 'size' AS dim, '' AS key, count(*) AS count FROM members
UNION ALL SELECT 'department', mode() WITHIN GROUP (ORDER BY department), count(*) FROM members GROUP BY department_fold
UNION ALL SELECT 'location', mode() WITHIN GROUP (ORDER BY location), count(*) FROM members GROUP BY location_fold
UNION ALL SELECT 'timezone', timezone, count(*) FROM members GROUP BY timezone
UNION ALL SELECT 'interest', mode() WITHIN GROUP (ORDER BY i), count(*)
    FROM members, unnest(members.interests, members.interests_fold) u(i, f) GROUP BY f`

// AudienceProfile computes the profile of an audience rule in one query.
func (s *Store) AudienceProfile(ctx context.Context, teamID string, a Audience) (Profile, error) {
	var rows []struct {
		Dim string `db:"dim"`
		Count
	}
	if err := s.DB.SelectContext(ctx, &rows, profileSQL, a.criteria(teamID)...); err != nil {
		return Profile{}, mapErr(err)
	}
	pr := Profile{Departments: []Count{}, Locations: []Count{}, Timezones: []Count{}, TopInterests: []Count{}}
	dims := map[string]*[]Count{"department": &pr.Departments, "location": &pr.Locations,
		"timezone": &pr.Timezones, "interest": &pr.TopInterests}
	for _, r := range rows {
		if r.Dim == "size" {
			pr.Size = r.Count.Count
			continue
		}
		*dims[r.Dim] = append(*dims[r.Dim], r.Count)
	}
	for _, l := range dims {
		sortCounts(*l)
	}
	if len(pr.TopInterests) > topInterests {
		pr.TopInterests = pr.TopInterests[:topInterests]
	}
	return pr, nil
}

// sortCounts orders counts largest first, then by key.
func sortCounts(c []Count) {
	sort.Slice(c, func(i, j int) bool {
		if c[i].Count != c[j].Count {
			return c[i].Count > c[j].Count
		}
		return c[i].Key < c[j].Key
	})
}
