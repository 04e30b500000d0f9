package models

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/lib/pq"
)

// A run of plain yes answers in one batch — people neither seated nor waiting before, answering
// yes in the same limited mode, one after another — is claimed in three statements whatever its
// length: the lowest free seats go to the first of them in order, the rest get the next waitlist
// places, as the same answers one by one would (claimStoreSQL).

// claimRunSQL gives the free seats of mode $3, lowest first, to the people $2 in order and returns
// the ordinals of those seated, with what the run's notices and pages need.
var claimRunSQL = `
WITH req AS (
    SELECT p, o FROM unnest($2::uuid[]) WITH ORDINALITY AS r(p, o)
), free AS (
    SELECT n, row_number() OVER (ORDER BY n) AS o FROM (
        SELECT n FROM rsvp_seats WHERE meetup_id = $1 AND kind = $3 AND person_id IS NULL
        ORDER BY n LIMIT cardinality($2::uuid[]) FOR UPDATE) f
), claimed AS (
    UPDATE rsvp_seats s SET person_id = req.p FROM free JOIN req USING (o)
    WHERE s.meetup_id = $1 AND s.kind = $3 AND s.n = free.n
    RETURNING req.o
)
SELECT (SELECT count(*) FROM claimed) AS seated,
    (SELECT count(*) FROM rsvp_seats s WHERE s.meetup_id = $1 AND s.kind = $3 AND s.person_id IS NULL) AS free,
    (SELECT count(*) FROM rsvp_seats s WHERE s.meetup_id = $1 AND s.kind = $3 AND s.excess) AS excess,
    (SELECT COALESCE(sum(waiting), 0) FROM rsvp_waiting WHERE meetup_id = $1 AND mode = $3) AS waiting,
    ` + lineupJSONSQL("$1", "$4::uuid") + ` AS lineup`

// nextPlacesSQL draws waitlist numbers.
const nextPlacesSQL = `SELECT nextval('rsvp_waitlist_seq') FROM generate_series(1, $1::int)`

// storeRunSQL writes the run's answers: yes for the seated, waitlisted with their number for the rest.
var storeRunSQL = `
UPDATE rsvps r SET status = u.status, mode = $3, dietary = u.dietary, answered_at = now(), updated_at = now(),
    waitlist_seq = NULLIF(u.seq, 0)
FROM unnest($2::uuid[], $4::text[], $5::text[], $6::bigint[]) AS u(p, status, dietary, seq)
WHERE r.meetup_id = $1 AND r.person_id = u.p
RETURNING r.` + strings.ReplaceAll(rsvpColumns, ", ", ", r.")

// claimRun is what claimRunSQL reads.
type claimRun struct {
	Seated  int        `db:"seated"`
	Free    int        `db:"free"`
	Excess  int        `db:"excess"`
	Waiting int        `db:"waiting"`
	Lineup  LineupJSON `db:"lineup"`
}

// plainYes reports whether job j, on its row locked up front, is a plain yes a run can take, and
// gives its answer with the mode filled in.
func (b *batchRun) plainYes(j *answerJob) (Answer, locked, bool) {
	a := j.a
	if a.Status != RSVPYes {
		return a, locked{}, false
	}
	row, ok := b.pre[j.key()]
	if !ok || b.touched[row.Person.ID] || row.RSVP.Status == RSVPYes || row.RSVP.Status == RSVPWaitlisted ||
		(j.valid != nil && !j.valid(row.Invitation)) {
		return a, row, false
	}
	lim, err := row.limits()
	if err != nil || a.fitMode(lim) != nil || !lim.limited(a.Mode) {
		return a, row, false
	}
	return a, row, true
}

// runItem is one answer of a run.
type runItem struct {
	job *answerJob
	a   Answer
	row locked
}

// plainYesRun is the run of plain yes answers in one mode that jobs start with, each person once.
func (b *batchRun) plainYesRun(jobs []*answerJob) []runItem {
	var run []runItem
	seen := map[string]bool{}
	for _, j := range jobs {
		a, row, ok := b.plainYes(j)
		if !ok || seen[row.Person.ID] || (len(run) > 0 && run[0].a.Mode != a.Mode) {
			break
		}
		seen[row.Person.ID] = true
		run = append(run, runItem{j, a, row})
	}
	return run
}

// claimRun answers the run: seats to the first, waitlist places to the rest, each told as alone.
func (b *batchRun) claimRun(ctx context.Context, run []runItem) error {
	m, mode := run[0].row.Meetup, run[0].a.Mode
	people := make([]string, len(run))
	for i, it := range run {
		people[i] = it.row.Person.ID
	}
	var c claimRun
	if err := b.tx.GetContext(ctx, &c, claimRunSQL, m.ID, pq.StringArray(people), mode, m.TeamID); err != nil {
		return mapErr(err)
	}
	seqs, err := b.places(ctx, len(run)-c.Seated)
	if err != nil {
		return err
	}
	rows, err := b.storeRun(ctx, run, c.Seated, seqs)
	if err != nil {
		return err
	}
	lim, _ := run[0].row.limits()
	seats := SeatCount{Mode: mode, Limited: true, Capacity: lim.capacity(mode), Excess: c.Excess}
	seats.Taken = seats.Capacity + c.Excess - (c.Free - c.Seated) // the statement counted before its claims
	for i, it := range run {
		b.touched[it.row.Person.ID] = true
		it.job.inv, it.job.res = it.row.Invitation, AnswerResult{RSVP: rows[it.row.Person.ID], Seats: seats}
		if i < c.Seated {
			continue
		}
		it.job.res.Position = c.Waiting + i - c.Seated + 1
		if it.job.err = b.tellWaitlisted(ctx, it, seqs[i-c.Seated], c.Lineup); it.job.err != nil {
			return it.job.err
		}
	}
	return nil
}

// places draws n waitlist numbers, in increasing order.
func (b *batchRun) places(ctx context.Context, n int) ([]int64, error) {
	var seqs []int64
	if n > 0 {
		if err := b.tx.SelectContext(ctx, &seqs, nextPlacesSQL, n); err != nil {
			return nil, mapErr(err)
		}
	}
	slices.Sort(seqs)
	return seqs, nil
}

// storeRun writes the run's RSVPs and returns them by person.
func (b *batchRun) storeRun(ctx context.Context, run []runItem, seated int, seqs []int64) (map[string]RSVP, error) {
	n := len(run)
	people, statuses, dietary := make([]string, n), make([]string, n), make([]string, n)
	places := make(pq.Int64Array, n) // 0: none
	for i, it := range run {
		people[i], statuses[i], dietary[i] = it.row.Person.ID, RSVPYes, it.a.Dietary
		if i >= seated {
			statuses[i], places[i] = RSVPWaitlisted, seqs[i-seated]
		}
	}
	var rows []RSVP
	err := b.tx.SelectContext(ctx, &rows, storeRunSQL, run[0].row.Meetup.ID, pq.StringArray(people), run[0].a.Mode,
		pq.StringArray(statuses), pq.StringArray(dietary), places)
	if err != nil {
		return nil, mapErr(err)
	}
	out := make(map[string]RSVP, len(rows))
	for _, r := range rows {
		out[r.PersonID] = r
	}
	return out, nil
}

// tellWaitlisted records the waitlisting of the run's item and has its notice written, as
// storeAnswer does for one answer.
func (b *batchRun) tellWaitlisted(ctx context.Context, it runItem, seq int64, lineup LineupJSON) error {
	m, p := it.row.Meetup.ID, it.row.Person.ID
	ev := RSVPEvent{Kind: EventWaitlisted, MeetupID: m, PersonID: p, Position: it.job.res.Position,
		Key: fmt.Sprintf("waitlisted:%s:%s:%d", m, p, seq), Notice: &Notice{Lineup: lineup}}
	return it.row.ownNotice(it.job.notify)(ctx, b.tx, ev)
}
