package models

import (
	"context"
	"strings"
)

// PeopleFilter narrows the people list; empty fields do not filter.
type PeopleFilter struct {
	Q          string // part of the name or email, case, accents and surrounding white space aside
	Department string
	Location   string
	Interest   string
}

const personColumns = `id, team_id, email, name, department, location, timezone, interests, language, created_at, updated_at`

const listPeopleSQL = `
SELECT ` + personColumns + ` FROM people
WHERE team_id = $1
  AND ($2 = '' OR name_fold LIKE $2 ESCAPE '\' OR email_fold LIKE $2 ESCAPE '\')
  AND ($3 = '' OR lower(department) = lower($3))
  AND ($4 = '' OR lower(location) = lower($4))
  AND ($5 = '' OR EXISTS (SELECT 1 FROM unnest(interests) i WHERE lower(i) = lower($5)))
  AND ($6::text IS NULL OR (lower(name), id) > (lower($6), $7::uuid))
ORDER BY lower(name), id
LIMIT $8`

// ListPeople returns one page of the team's people sorted by name, and the next cursor.
func (s *Store) ListPeople(ctx context.Context, teamID string, f PeopleFilter, p Page) ([]Person, string, error) {
	p = p.Normalize()
	if k := searchProblem(f.Q); k != "" {
		return nil, "", Invalid(FieldErrors{"q": k})
	}
	key, err := decodeNameCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	kName, kID := key.cursorArgs()
	out := []Person{}
	err = s.DB.SelectContext(ctx, &out, listPeopleSQL, teamID, searchPattern(f.Q), strings.TrimSpace(f.Department),
		strings.TrimSpace(f.Location), strings.TrimSpace(f.Interest), kName, kID, p.Limit+1)
	if err != nil {
		return nil, "", mapErr(err)
	}
	items, next := pageOf(out, p.Limit)
	return items, next, nil
}
