package models

import (
	"context"
)

// PeopleFilter narrows the people list; empty fields do not filter. Each ignores case, accents
// and surrounding white space.
type PeopleFilter struct {
	Q          string // part of the name or email
	Department string // the whole department
	Location   string // the whole location
	Interest   string // one whole interest
}

// problems names, per query parameter, a filter text that cannot be read (as searchProblem does).
func (f PeopleFilter) problems() FieldErrors {
	fe := FieldErrors{}
	for field, v := range map[string]string{"q": f.Q, "department": f.Department, "location": f.Location, "interest": f.Interest} {
		if k := searchProblem(v); k != "" {
			fe[field] = k
		}
	}
	return fe
}

const personColumns = `id, team_id, email, name, department, location, timezone, interests, language, guest, created_at, updated_at`

// listPeopleSQL filters on the stored folds ($2 a searchPattern, $3–$5 filterValue or "").
const listPeopleSQL = `
SELECT ` + personColumns + ` FROM people
WHERE team_id = $1
  AND ($2 = '' OR name_fold LIKE $2 ESCAPE '\' OR email_fold LIKE $2 ESCAPE '\')
  AND ($3 = '' OR department_fold = $3)
  AND ($4 = '' OR location_fold = $4)
  AND ($5 = '' OR $5 = ANY (interests_fold))
  AND ($6::text IS NULL OR (lower(name), id) > (lower($6), $7::uuid))
ORDER BY lower(name), id
LIMIT $8`

// ListPeople returns one page of the team's people sorted by name, and the next cursor. A filter
// text that cannot be read is a field error named after its query parameter (q, department…).
func (s *Store) ListPeople(ctx context.Context, teamID string, f PeopleFilter, p Page) ([]Person, string, error) {
	p = p.Normalize()
	if err := Invalid(f.problems()); err != nil {
		return nil, "", err
	}
	key, err := decodeNameCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	kName, kID := key.cursorArgs()
	out := []Person{}
	err = s.DB.SelectContext(ctx, &out, listPeopleSQL, teamID, searchPattern(f.Q), filterValue(f.Department),
		filterValue(f.Location), filterValue(f.Interest), kName, kID, p.Limit+1)
	if err != nil {
		return nil, "", mapErr(err)
	}
	items, next := pageOf(out, p.Limit)
	return items, next, nil
}
