package models

import (
	"context"
	"slices"
	"strings"

	"github.com/lib/pq"
)

// membersCTE is the membership rule, the one place it is written. Parameters: $1 team, $2 departments,
// $3 locations, $4 interests (each folded: filterValues), $5 include, $6 exclude.
// A person is a member when they match every non-empty criterion, or are included by address;
// excluded addresses never are. Departments, locations and interests match whatever their case
// and accents (the stored folds, migration 00016), addresses whatever their case.
// An audience with no criteria but an include list is just that list;
// one with no criteria and no include list is the whole directory. A guest (a speaker from outside
// the staff, migration 00017) is a member only when included by address.
const membersCTE = `
members AS (
    SELECT p.id, p.team_id, p.email, p.name, p.department, p.location, p.timezone, p.interests, p.language,
           p.guest, p.created_at, p.updated_at, p.department_fold, p.location_fold, p.interests_fold
    FROM people p
    WHERE p.team_id = $1
      AND lower(p.email) NOT IN (SELECT lower(x) FROM unnest($6::text[]) x)
      AND (lower(p.email) IN (SELECT lower(x) FROM unnest($5::text[]) x)
        OR (NOT p.guest AND (cardinality($2::text[]) + cardinality($3::text[]) + cardinality($4::text[]) > 0
             OR cardinality($5::text[]) = 0)
            AND (cardinality($2::text[]) = 0 OR p.department_fold = ANY ($2::text[]))
            AND (cardinality($3::text[]) = 0 OR p.location_fold = ANY ($3::text[]))
            AND (cardinality($4::text[]) = 0 OR p.interests_fold && $4::text[])))
)`

const countMembersSQL = `WITH ` + membersCTE + ` SELECT count(*) FROM members`

// CountMembers counts the people of the team an audience rule selects, saved or not.
func (s *Store) CountMembers(ctx context.Context, teamID string, a Audience) (int, error) {
	var n int
	err := s.DB.GetContext(ctx, &n, countMembersSQL, a.criteria(teamID)...)
	return n, mapErr(err)
}

const listMembersSQL = `WITH ` + membersCTE + `
SELECT ` + personColumns + ` FROM members
WHERE $7::text IS NULL OR (lower(name), id) > (lower($7), $8::uuid)
ORDER BY lower(name), id LIMIT $9`

// ListMembers returns one page of an audience's members sorted by name, and the next cursor.
func (s *Store) ListMembers(ctx context.Context, teamID string, a Audience, p Page) ([]Person, string, error) {
	p = p.Normalize()
	key, err := decodeNameCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	kName, kID := key.cursorArgs()
	out := []Person{}
	args := append(a.criteria(teamID), kName, kID, p.Limit+1)
	if err := s.DB.SelectContext(ctx, &out, listMembersSQL, args...); err != nil {
		return nil, "", mapErr(err)
	}
	items, next := pageOf(out, p.Limit)
	return items, next, nil
}

const knownAddressesSQL = `SELECT lower(email) FROM people WHERE team_id = $1 AND lower(email) = ANY($2)`

// UnknownAddresses are those of emails that are nobody's in the team's directory, in their order.
func (s *Store) UnknownAddresses(ctx context.Context, teamID string, emails []string) ([]string, error) {
	if len(emails) == 0 {
		return nil, nil
	}
	lower := make([]string, len(emails))
	for i, e := range emails {
		lower[i] = strings.ToLower(e)
	}
	var known []string
	if err := s.DB.SelectContext(ctx, &known, knownAddressesSQL, teamID, pq.StringArray(lower)); err != nil {
		return nil, mapErr(err)
	}
	var out []string
	for i, e := range emails {
		if !slices.Contains(known, lower[i]) {
			out = append(out, e)
		}
	}
	return out, nil
}
