package models

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/lib/pq"
)

// lockSQL is an answer's first statement. It finds the meetup and the person (by the hash of
// their link's token, or by ids) and locks their RSVP. For a yes it first takes a KEY SHARE lock
// on the meetup: a seat is only ever left free under the meetup's row lock (fillSeat), so a yes
// cannot miss a seat freed while it was answering, and no check is needed after commit. One who
// holds a yes in another mode may have to free a seat under that lock, so they take the share
// later, after giving it up (shareMeetupSQL); "shared" says which. No row means a bad token or
// no RSVP yet: invitations create them, createRSVPSQL otherwise.
func lockSQL(byToken, share bool) string { return lockSQLs[b2i(byToken)][b2i(share)] }

// lockSQLs are lockSQL's four statements by [byToken][share], built once rather than per answer.
var lockSQLs = [2][2]string{{buildLockSQL(false, false), buildLockSQL(false, true)},
	{buildLockSQL(true, false), buildLockSQL(true, true)}}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// buildLockSQL writes lockSQL's statement.
func buildLockSQL(byToken, share bool) string {
	from, link := answerSource(byToken)
	mode := "$4" // the answer's mode, or '' for the meetup's first
	if byToken {
		mode = "$2"
	}
	ks := `SELECT 1 WHERE ` + mode + `::text IS NULL AND false` // no share; the mode is not needed
	if share {
		ks = `SELECT 1 FROM meetups WHERE id = (SELECT "m.id" FROM x) AND NOT EXISTS (
        SELECT 1 FROM rsvps WHERE meetup_id = (SELECT "m.id" FROM x) AND person_id = (SELECT "p.id" FROM x)
        AND status = 'yes' AND mode <> COALESCE(NULLIF(` + mode + `, ''), mode))
    FOR KEY SHARE`
	}
	return `WITH x AS (
    SELECT ` + link + `, ` + aliased("m", meetupColumns) + `, ` + aliased("p", personColumns) + `,
        COALESCE(m.ends_at < now(), false) AS over,
        (SELECT c.id FROM links c WHERE c.purpose = 'calendar' AND c.person_id = p.id AND c.meetup_id IS NULL
         AND c.subject = '') AS calendar_link
    ` + from + `
), ks AS (
    ` + ks + `
), r AS (
    SELECT ` + rsvpColumns + ` FROM rsvps
    WHERE meetup_id = (SELECT "m.id" FROM x) AND person_id = (SELECT "p.id" FROM x)
      AND (SELECT count(*) FROM ks) >= 0 -- the share lock comes before the row lock
    FOR NO KEY UPDATE
)
SELECT x.*, r.*, EXISTS (SELECT 1 FROM ks) AS shared FROM x, r`
}

// shareMeetupSQL takes the KEY SHARE lock a yes claims under, for one who first gave up a seat.
const shareMeetupSQL = `SELECT 1 FROM meetups WHERE id = $1 FOR KEY SHARE`

// answerSource is where an answer's statements find the meetup and the person, and the link
// columns they read (made up from the ids when the answer comes without a link).
func answerSource(byToken bool) (from, link string) {
	if byToken {
		return `FROM links l JOIN meetups m ON m.id = l.meetup_id AND m.team_id = l.team_id
    JOIN people p ON p.id = l.person_id AND p.team_id = l.team_id
    WHERE l.token_hash = $1 AND l.purpose = 'rsvp'`, aliased("l", linkColumns)
	}
	return `FROM meetups m JOIN people p ON p.team_id = m.team_id
    WHERE m.id = $1 AND p.id = $2 AND m.team_id = $3`,
		`'' AS "l.id", m.team_id AS "l.team_id", 'rsvp' AS "l.purpose", p.id AS "l.person_id",
        m.id AS "l.meetup_id", '' AS "l.subject", NULL::timestamptz AS "l.expires_at"`
}

// createRSVPSQL creates the RSVP of someone answering without an invitation row.
func createRSVPSQL(byToken bool) string { return createRSVPSQLs[b2i(byToken)] }

// createRSVPSQLs are createRSVPSQL's two statements, by id and by token, built once.
var createRSVPSQLs = [2]string{buildCreateRSVPSQL(false), buildCreateRSVPSQL(true)}

// buildCreateRSVPSQL writes createRSVPSQL's statement.
func buildCreateRSVPSQL(byToken bool) string {
	from, _ := answerSource(byToken)
	return `INSERT INTO rsvps (meetup_id, person_id, team_id) SELECT m.id, p.id, m.team_id ` + from + `
ON CONFLICT (meetup_id, person_id) DO NOTHING`
}

// locked is what an answer's first statement reads.
type locked struct {
	Invitation
	RSVP
	Over   bool `db:"over"`
	Shared bool `db:"shared"`
}

// lockAnswer runs lockSQL, creating the RSVP first when there is none; no row even then (an
// unknown token, another team's ids) is ErrNotFound.
func lockAnswer(ctx context.Context, q txq, st answerStatements) (locked, error) {
	var row locked
	err := q.get(ctx, &row, st.lock, st.lockArgs...)
	if errors.Is(err, sql.ErrNoRows) {
		if err = q.exec(ctx, st.create, st.args...); err == nil {
			err = q.get(ctx, &row, st.lock, st.lockArgs...)
		}
	}
	row.Invitation.RSVP = row.RSVP
	return row, mapErr(err)
}

// limits reads the answer's limits from the locked meetup; answers are taken only while it is
// scheduled and not over.
func (row locked) limits() (limits, error) {
	m := row.Meetup
	l := limits{Stage: m.Stage, RemoteCapacity: m.RemoteCapacity, Location: m.Location, OnlineURL: m.OnlineURL,
		Capacity: m.Capacity, Over: row.Over}
	if l.Stage != StageScheduled || l.Over {
		return l, ErrMeetupClosed
	}
	return l, nil
}

// retryable reports a deadlock, which PostgreSQL resolves by failing one side: two answers that
// each give up a seat nobody waits for while switching to another limited mode.
func retryable(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && (pqErr.Code == "40P01" || pqErr.Code == "40001")
}

// retryPause is how long a deadlocked answer waits before its second try.
const retryPause = 20 * time.Millisecond
