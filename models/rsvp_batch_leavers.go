package models

import (
	"context"
	"fmt"

	"github.com/lib/pq"
)

// A run of leavers in one batch — people seated or waiting in one limited mode who give their
// place up (no, maybe, or yes in a mode without a limit) — is answered in two statements
// whatever its length: leaveRunSQL passes the seats they free, in the run's order, to the first
// people waiting who are not in the run, and storeRunSQL writes their answers. The answers of
// one batch arrived together, so taking the run's waiting leavers off the list before its seats
// pass on is one order they could have come in; it spares a leaver a promotion just before their
// own no. With a seat over capacity the statement does nothing and the run's answers are taken
// one by one (releaseSeat renumbers excess seats).

// leaveRunSQL frees the seats of mode $2 that the people $3 hold and gives them, in the order of
// $3, to the first people waiting not in $3 (left free when nobody waits); unless a seat of the
// mode is over capacity. It returns one row per promotion, or one row with no person when none.
var leaveRunSQL = `
WITH over AS (
    SELECT EXISTS (SELECT 1 FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND excess) AS has_excess
), run AS (
    SELECT p, o FROM unnest($3::uuid[]) WITH ORDINALITY AS u(p, o)
), freed AS (
    SELECT n, o, row_number() OVER (ORDER BY o) AS k FROM (
        SELECT s.n, run.o FROM rsvp_seats s JOIN run ON s.person_id = run.p
        WHERE s.meetup_id = $1 AND s.kind = $2 AND NOT (SELECT has_excess FROM over)
        FOR UPDATE OF s) f
), heads AS (
    SELECT person_id, waitlist_seq, row_number() OVER (ORDER BY waitlist_seq) AS k FROM (
        SELECT person_id, waitlist_seq FROM rsvps
        WHERE meetup_id = $1 AND mode = $2 AND status = 'waitlisted' AND person_id <> ALL($3::uuid[])
        ORDER BY waitlist_seq LIMIT (SELECT count(*) FROM freed) FOR UPDATE SKIP LOCKED) h
), promoted AS (
    UPDATE rsvps r SET status = 'yes', waitlist_seq = NULL, updated_at = now()
    FROM heads WHERE r.meetup_id = $1 AND r.person_id = heads.person_id
    RETURNING r.person_id, heads.waitlist_seq, heads.k
), handed AS (
    UPDATE rsvp_seats s SET person_id = heads.person_id
    FROM freed LEFT JOIN heads ON heads.k = freed.k
    WHERE s.meetup_id = $1 AND s.kind = $2 AND s.n = freed.n
    RETURNING s.n
)
SELECT over.has_excess AS over, (SELECT count(*) FROM freed) AS freed,
    (SELECT count(*) FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND person_id IS NOT NULL) AS taken,
    freed.o AS leaver, COALESCE(pr.person_id::text, '') AS "p.id", pr.waitlist_seq AS seq,
    COALESCE(p.email, '') AS "p.email", COALESCE(p.name, '') AS "p.name",
    COALESCE(p.language, '') AS "p.language", COALESCE(p.timezone, '') AS "p.timezone",
    (SELECT l.id FROM links l WHERE l.purpose = 'rsvp' AND l.person_id = pr.person_id
     AND l.meetup_id = $1 AND l.subject = '') AS link_id,
    CASE WHEN pr.person_id IS NOT NULL THEN ` + lineupJSONSQL("$1", "$4::uuid") + ` END AS lineup
FROM over LEFT JOIN promoted pr ON true LEFT JOIN people p ON p.id = pr.person_id
LEFT JOIN freed ON freed.k = pr.k
ORDER BY pr.k`

// leaveRow is one row of leaveRunSQL.
type leaveRow struct {
	Over   bool          `db:"over"`
	Freed  int           `db:"freed"`
	Taken  int           `db:"taken"`
	Leaver *int          `db:"leaver"`
	Person InvitedPerson `db:"p"`
	Seq    *int64        `db:"seq"`
	LinkID *string       `db:"link_id"`
	Lineup *LineupJSON   `db:"lineup"`
}

// leaver reports whether job j, on its row locked up front, gives up a place of a limited mode
// (a seat or the waitlist) without claiming one, with its answer's mode filled in.
func (b *batchRun) leaver(j *answerJob) (it runItem, ok bool) {
	it.job, it.a = j, j.a
	row, ok := b.pre[j.key()]
	it.row = row
	cur := row.RSVP
	if !ok || b.touched[row.Person.ID] || (cur.Status != RSVPYes && cur.Status != RSVPWaitlisted) ||
		(j.valid != nil && !j.valid(row.Invitation)) {
		return it, false
	}
	lim, err := row.limits()
	if err != nil || it.a.fitMode(lim) != nil || !lim.limited(cur.Mode) {
		return it, false
	}
	it.limited = lim.limited(it.a.Mode)
	if (it.a.Status == RSVPYes && it.limited) || (it.limited && it.a.Mode != cur.Mode) {
		return it, false // a claim, or a count of another limited mode to give
	}
	return it, true
}

// leaverRun is the run of leavers of one limited mode that jobs start with, each person once.
func (b *batchRun) leaverRun(jobs []*answerJob) (run []runItem, mode string) {
	seen := map[string]bool{}
	for _, j := range jobs {
		it, ok := b.leaver(j)
		if !ok || seen[it.row.Person.ID] || (mode != "" && it.row.RSVP.Mode != mode) {
			break
		}
		mode = it.row.RSVP.Mode
		seen[it.row.Person.ID] = true
		run = append(run, it)
	}
	return run, mode
}

// leaveRun answers a run of leavers: their seats passed on, their answers written, the people
// promoted told. It reports false, having changed nothing, when a seat is over capacity.
func (b *batchRun) leaveRun(ctx context.Context, run []runItem, mode string) (bool, error) {
	m := run[0].row.Meetup
	people := make([]string, len(run))
	for i, it := range run {
		people[i] = it.row.Person.ID
	}
	var rows []leaveRow
	err := txq{b.s, b.tx}.sel(ctx, &rows, leaveRunSQL, m.ID, mode, pq.StringArray(people), m.TeamID)
	if err != nil || len(rows) == 0 || rows[0].Over {
		return false, mapErr(err)
	}
	stored, err := b.storeRun(ctx, run, 0, nil)
	if err != nil {
		return true, err
	}
	lim, _ := run[0].row.limits()
	promoted := 0
	if rows[0].Person.PersonID != "" {
		promoted = len(rows)
	}
	seats := SeatCount{Mode: mode, Limited: true, Capacity: lim.capacity(mode),
		Taken: rows[0].Taken - (rows[0].Freed - promoted)}
	for _, it := range run {
		b.touched[it.row.Person.ID] = true
		it.job.inv, it.job.res = it.row.Invitation, AnswerResult{RSVP: stored[it.row.Person.ID], Seats: SeatCount{Mode: it.a.Mode}}
		if it.limited {
			it.job.res.Seats = seats
		}
	}
	return true, b.tellPromoted(ctx, run, rows[:promoted])
}

// tellPromoted records each promotion of a run of leavers and has its notice written, through
// the notifier of the leaver whose seat it was.
func (b *batchRun) tellPromoted(ctx context.Context, run []runItem, rows []leaveRow) error {
	for _, r := range rows {
		it := run[*r.Leaver-1]
		m, p := it.row.Meetup, r.Person
		p.Status = RSVPYes
		b.touched[p.PersonID] = true
		ev := RSVPEvent{Kind: EventPromoted, MeetupID: m.ID, PersonID: p.PersonID,
			Key:    fmt.Sprintf("promoted:%s:%s:%d", m.ID, p.PersonID, *r.Seq),
			Notice: &Notice{Meetup: m, Person: p, LinkID: r.LinkID, Lineup: *r.Lineup, Mode: it.row.RSVP.Mode}}
		if it.job.err = it.job.notify(ctx, b.tx, ev); it.job.err != nil {
			return errRefused // the batch runs again, this answer alone in its savepoint
		}
	}
	return nil
}
