package models

import (
	"context"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// ensureLinksSQL is Linker.Ensure for many people of one meetup and purpose in one statement.
const ensureLinksSQL = `
INSERT INTO links (id, token_hash, team_id, purpose, person_id, meetup_id)
SELECT u.id, u.hash, $1, $2, u.person_id, NULLIF($3, '')::uuid
FROM unnest($4::uuid[], $5::bytea[], $6::uuid[]) AS u(id, hash, person_id)
ON CONFLICT (purpose, person_id, meetup_id, subject) DO UPDATE SET expires_at = EXCLUDED.expires_at
RETURNING id, person_id`

// EnsureMany returns the token of each person's link for purpose and meetup ("" for a link of
// no meetup, such as the calendar feed), person id → token, creating the links the first time:
// the same tokens Ensure gives, in one round trip.
func (l *Linker) EnsureMany(ctx context.Context, db sqlx.QueryerContext, teamID, purpose, meetupID string, personIDs []string) (map[string]string, error) {
	ids := make([]string, len(personIDs))
	hashes := make(pq.ByteaArray, len(personIDs))
	for i := range personIDs {
		ids[i] = uuid.NewString()
		hashes[i] = HashToken(l.token(ids[i], purpose))
	}
	var rows []struct {
		ID       string `db:"id"`
		PersonID string `db:"person_id"`
	}
	err := sqlx.SelectContext(ctx, db, &rows, ensureLinksSQL, teamID, purpose, meetupID,
		pq.StringArray(ids), hashes, pq.StringArray(personIDs))
	if err != nil {
		return nil, mapErr(err)
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.PersonID] = l.token(r.ID, purpose)
	}
	return out, nil
}
