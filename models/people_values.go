package models

import "context"

// DirectoryValues are the distinct departments, locations and interests of a team's people,
// offered as choices in filters and audience forms: values that differ only in case or accents once.
type DirectoryValues struct {
	Departments []string `json:"departments"`
	Locations   []string `json:"locations"`
	Interests   []string `json:"interests"`
}

// directoryValuesSQL offers each value once whatever its case and accents (as the filters match
// them: the stored folds), in its most common spelling ("São Paulo" for 30 of them and one "Sao Paulo").
const directoryValuesSQL = `
SELECT 'department' AS dim, mode() WITHIN GROUP (ORDER BY department) AS value
FROM people WHERE team_id = $1 AND department <> '' GROUP BY department_fold
UNION ALL
SELECT 'location', mode() WITHIN GROUP (ORDER BY location) FROM people WHERE team_id = $1 AND location <> '' GROUP BY location_fold
UNION ALL
SELECT 'interest', mode() WITHIN GROUP (ORDER BY i)
FROM people, unnest(interests, interests_fold) u(i, f) WHERE team_id = $1 GROUP BY f
ORDER BY 1, 2`

// ListDirectoryValues returns the team's distinct departments, locations and interests, sorted.
func (s *Store) ListDirectoryValues(ctx context.Context, teamID string) (DirectoryValues, error) {
	var rows []struct {
		Dim   string `db:"dim"`
		Value string `db:"value"`
	}
	if err := s.DB.SelectContext(ctx, &rows, directoryValuesSQL, teamID); err != nil {
		return DirectoryValues{}, mapErr(err)
	}
	dv := DirectoryValues{Departments: []string{}, Locations: []string{}, Interests: []string{}}
	for _, r := range rows {
		switch r.Dim {
		case "department":
			dv.Departments = append(dv.Departments, r.Value)
		case "location":
			dv.Locations = append(dv.Locations, r.Value)
		default:
			dv.Interests = append(dv.Interests, r.Value)
		}
	}
	return dv, nil
}
