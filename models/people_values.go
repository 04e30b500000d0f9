package models

import "context"

// DirectoryValues are the distinct departments, locations and interests of a team's people,
// offered as choices in filters and audience forms.
type DirectoryValues struct {
	Departments []string `json:"departments"`
	Locations   []string `json:"locations"`
	Interests   []string `json:"interests"`
}

const directoryValuesSQL = `
SELECT 'department' AS dim, department AS value FROM people WHERE team_id = $1 AND department <> '' GROUP BY department
UNION ALL
SELECT 'location', location FROM people WHERE team_id = $1 AND location <> '' GROUP BY location
UNION ALL
SELECT 'interest', i FROM people, unnest(interests) i WHERE team_id = $1 GROUP BY i
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
