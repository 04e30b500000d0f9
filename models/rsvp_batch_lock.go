package models

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// A batch reads and locks the RSVPs of all its answers given by link in one statement, instead
// of one statement each. An answer whose person an earlier answer of the batch changed (their
// own first answer, or a promotion) reads theirs again, alone.

// batchLockSQL is lockSQL for many links of one meetup whose row the batch has locked already:
// no share lock, and only people who have an RSVP (the others make it, alone).
var batchLockSQL = `WITH x AS (
    SELECT l.token_hash AS batch_hash, ` + aliased("l", linkColumns) + `, ` + aliased("m", meetupColumns) + `,
        ` + aliased("p", personColumns) + `, COALESCE(m.ends_at < now(), false) AS over,
        (SELECT c.id FROM links c WHERE c.purpose = 'calendar' AND c.person_id = p.id AND c.meetup_id IS NULL
         AND c.subject = '') AS calendar_link
    FROM links l JOIN meetups m ON m.id = l.meetup_id AND m.team_id = l.team_id
    JOIN people p ON p.id = l.person_id AND p.team_id = l.team_id
    WHERE l.token_hash = ANY($1) AND l.purpose = 'rsvp' AND l.meetup_id = $2
), r AS (
    SELECT ` + rsvpColumns + ` FROM rsvps
    WHERE meetup_id = $2 AND person_id IN (SELECT "p.id" FROM x)
    FOR NO KEY UPDATE
)
SELECT x.*, r.*, true AS shared FROM x JOIN r ON r.person_id = x."p.id"`

// batchLocked is a locked RSVP and the hash of the link it was found by.
type batchLocked struct {
	locked
	Hash []byte `db:"batch_hash"`
}

// lockBatch locks the RSVPs of the jobs answering by link, keyed by the link's hash.
func (s *Store) lockBatch(ctx context.Context, tx *sqlx.Tx, meetupID string, jobs []*answerJob) (map[string]locked, error) {
	var hashes pq.ByteaArray
	for _, j := range jobs {
		if j.valid != nil {
			hashes = append(hashes, j.st.args[0].([]byte))
		}
	}
	out := map[string]locked{}
	if len(hashes) == 0 {
		return out, nil
	}
	var rows []batchLocked
	if err := tx.SelectContext(ctx, &rows, batchLockSQL, hashes, meetupID); err != nil {
		return nil, mapErr(err)
	}
	for _, r := range rows {
		r.locked.Invitation.RSVP = r.locked.RSVP
		out[string(r.Hash)] = r.locked
	}
	return out, nil
}
