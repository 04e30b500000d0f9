package models

import (
	"context"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// A batch reads and locks the RSVPs of all its answers given by link in one statement, instead
// of one statement each. An answer whose person an earlier answer of the batch changed (their
// own first answer, or a promotion) reads theirs again, alone.

// batchLockSQL is lockSQL for many answers to one meetup whose row the batch has locked already:
// no share lock, and only people who have an RSVP (the others make it, alone). It finds them by
// their links' hashes ($1: each link is looked up alone in the hashes' unique index, OFFSET 0
// keeping the lookup apart, since the planner would rather read all the meetup's links, 4,000 in
// a storm, and hash them), or, with byIDs, by person and team ($1, $3); batch_key is the job's key.
func batchLockSQL(byIDs bool) string {
	pre := `batch_links AS MATERIALIZED (
    SELECT l.* FROM unnest($1::bytea[]) AS q(hash)
    CROSS JOIN LATERAL (SELECT * FROM links WHERE token_hash = q.hash AND purpose = 'rsvp' OFFSET 0) l
), `
	key, link, from := `l.token_hash`, aliased("l", linkColumns), `FROM batch_links l
    JOIN meetups m ON m.id = l.meetup_id AND m.team_id = l.team_id AND m.id = $2
    JOIN people p ON p.id = l.person_id AND p.team_id = l.team_id`
	if byIDs {
		_, link = answerSource(false)
		pre, key, from = "", `convert_to('id:' || p.id::text, 'UTF8')`, `FROM meetups m
    JOIN unnest($1::uuid[], $3::uuid[]) AS q(person, team) ON q.team = m.team_id
    JOIN people p ON p.id = q.person AND p.team_id = m.team_id
    WHERE m.id = $2`
	}
	return `WITH ` + pre + `x AS (
    SELECT ` + key + ` AS batch_key, ` + link + `, ` + aliased("m", meetupColumns) + `,
        ` + aliased("p", personColumns) + `, COALESCE(m.ends_at < now(), false) AS over,
        (SELECT c.id FROM links c WHERE c.purpose = 'calendar' AND c.person_id = p.id AND c.meetup_id IS NULL
         AND c.subject = '') AS calendar_link
    ` + from + `
)
SELECT x.*, r.` + strings.ReplaceAll(rsvpColumns, ", ", ", r.") + `, true AS shared
FROM x JOIN rsvps r ON r.meetup_id = $2 AND r.person_id = x."p.id"
FOR NO KEY UPDATE OF r`
}

// batchLockByLinkSQL and batchLockByIDSQL are batchLockSQL's statements, built once.
var batchLockByLinkSQL, batchLockByIDSQL = batchLockSQL(false), batchLockSQL(true)

// batchLocked is a locked RSVP and the key of the job it is for.
type batchLocked struct {
	locked
	Key []byte `db:"batch_key"`
}

// key is how the batch finds the job's RSVP locked up front: its link's hash, or its person.
func (j *answerJob) key() string {
	if j.valid != nil {
		return string(j.st.args[0].([]byte))
	}
	return "id:" + j.a.PersonID
}

// lockBatch locks the RSVPs of the jobs, by link or by person, keyed by answerJob.key.
func (s *Store) lockBatch(ctx context.Context, tx *sqlx.Tx, meetupID string, jobs []*answerJob) (map[string]locked, error) {
	var hashes pq.ByteaArray
	var people, teams []string
	for _, j := range jobs {
		if j.valid != nil {
			hashes = append(hashes, j.st.args[0].([]byte))
		} else {
			people, teams = append(people, j.a.PersonID), append(teams, j.a.TeamID)
		}
	}
	var rows []batchLocked
	if len(hashes) > 0 {
		if err := (txq{s, tx}).sel(ctx, &rows, batchLockByLinkSQL, hashes, meetupID); err != nil {
			return nil, mapErr(err)
		}
	}
	if len(people) > 0 {
		var byID []batchLocked
		err := txq{s, tx}.sel(ctx, &byID, batchLockByIDSQL, pq.StringArray(people), meetupID, pq.StringArray(teams))
		if err != nil {
			return nil, mapErr(err)
		}
		rows = append(rows, byID...)
	}
	out := make(map[string]locked, len(rows))
	for _, r := range rows {
		r.locked.Invitation.RSVP = r.locked.RSVP
		out[string(r.Key)] = r.locked
	}
	return out, nil
}
