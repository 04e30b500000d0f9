package models

import (
	"context"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// importBatch is how many people one upsert statement carries.
const importBatch = 1000

// ImportCounts says what an import did to the directory.
type ImportCounts struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// ImportRequest is a validated list of people to upsert, and who asked for it.
type ImportRequest struct {
	TeamID   string
	UserID   string // "" for the command line
	Source   string // "api", "ui" or "cli"
	Skipped  int    // rows the parser refused, for the audit log
	People   []Person
	Progress func(done int) // called after each batch; may be nil
}

// interestSep joins a person's interests into one text value for unnest; it never occurs in a cleaned value.
const interestSep = "\x1f"

const importPeopleSQL = `
WITH input AS (
    SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
        AS t(email, name, department, location, timezone, interests, language)
), up AS (
    INSERT INTO people (team_id, email, name, department, location, timezone, interests, language)
    SELECT $1, email, name, department, location, timezone,
           CASE WHEN interests = '' THEN '{}'::text[] ELSE string_to_array(interests, E'\x1f') END, language
    FROM input
    ON CONFLICT (team_id, lower(email)) DO UPDATE
    SET name = EXCLUDED.name, department = EXCLUDED.department, location = EXCLUDED.location,
        timezone = EXCLUDED.timezone, interests = EXCLUDED.interests, language = EXCLUDED.language,
        guest = false, updated_at = now()
    WHERE (people.name, people.department, people.location, people.timezone, people.interests, people.language, people.guest)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.department, EXCLUDED.location, EXCLUDED.timezone,
                          EXCLUDED.interests, EXCLUDED.language, false)
    RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated FROM up`

// ImportPeople upserts people by email (case-insensitive) in batches, in one transaction with its audit entry.
// The people must be normalized and free of repeated addresses.
func (s *Store) ImportPeople(ctx context.Context, req ImportRequest) (ImportCounts, error) {
	people := slices.Clone(req.People)
	// One lock order for every import, so two imports at once never deadlock.
	slices.SortFunc(people, func(a, b Person) int { return strings.Compare(strings.ToLower(a.Email), strings.ToLower(b.Email)) })
	var total ImportCounts
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		for start := 0; start < len(people); start += importBatch {
			batch := people[start:min(start+importBatch, len(people))]
			c, err := importBatchTx(ctx, tx, req.TeamID, batch)
			if err != nil {
				return err
			}
			total.Created, total.Updated, total.Unchanged = total.Created+c.Created, total.Updated+c.Updated, total.Unchanged+c.Unchanged
			if req.Progress != nil {
				req.Progress(start + len(batch))
			}
		}
		return Audit(ctx, tx, req.TeamID, req.UserID, "people.import", "people", map[string]any{"source": req.Source,
			"created": total.Created, "updated": total.Updated, "unchanged": total.Unchanged, "skipped": req.Skipped})
	})
	return total, err
}

// importBatchTx upserts one batch and counts what happened to it.
func importBatchTx(ctx context.Context, tx *sqlx.Tx, teamID string, batch []Person) (ImportCounts, error) {
	cols := make([][]string, 7)
	for i := range cols {
		cols[i] = make([]string, len(batch))
	}
	for i, p := range batch {
		cols[0][i], cols[1][i], cols[2][i], cols[3][i] = p.Email, p.Name, p.Department, p.Location
		cols[4][i], cols[5][i], cols[6][i] = p.Timezone, strings.Join(p.Interests, interestSep), p.Language
	}
	var c ImportCounts
	err := tx.QueryRowxContext(ctx, importPeopleSQL, teamID, pq.StringArray(cols[0]), pq.StringArray(cols[1]),
		pq.StringArray(cols[2]), pq.StringArray(cols[3]), pq.StringArray(cols[4]), pq.StringArray(cols[5]),
		pq.StringArray(cols[6])).Scan(&c.Created, &c.Updated)
	c.Unchanged = len(batch) - c.Created - c.Updated
	return c, mapErr(err)
}
