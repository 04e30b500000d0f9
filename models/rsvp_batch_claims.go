package models

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/lib/pq"
)

// A run of first answers in one batch — people neither seated nor waiting before, one after
// another — is answered in two statements whatever its length: the yes answers of its one
// limited mode claim the lowest free seats in order and the rest of them get the next waitlist
// places, as the same answers one by one would (claimStoreSQL); its other answers (maybe, no, a
// yes in a mode without a limit) touch no seat and no waitlist, so they are written alongside.

// claimRunSQL gives the free seats of mode $3, lowest first, to the people $2 in order and returns
// how many it seated, the waitlist numbers of the rest, and what the run's notices and pages need.
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
    ARRAY(SELECT nextval('rsvp_waitlist_seq') FROM generate_series(1,
        cardinality($2::uuid[]) - (SELECT count(*) FROM claimed)::int)) AS places,
    ` + lineupJSONSQL("$1", "$4::uuid") + ` AS lineup`

// storeRunSQL writes the run's answers: yes for the seated, waitlisted with their number for the rest.
var storeRunSQL = `
UPDATE rsvps r SET status = u.status, mode = u.mode, dietary = u.dietary, answered_at = now(), updated_at = now(),
    waitlist_seq = NULLIF(u.seq, 0)
FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::bigint[]) AS u(p, mode, status, dietary, seq)
WHERE r.meetup_id = $1 AND r.person_id = u.p
RETURNING r.` + strings.ReplaceAll(rsvpColumns, ", ", ", r.")

// claimRun is what claimRunSQL reads.
type claimRun struct {
	Seated  int           `db:"seated"`
	Free    int           `db:"free"`
	Excess  int           `db:"excess"`
	Waiting int           `db:"waiting"`
	Places  pq.Int64Array `db:"places"` // the waitlist numbers of the claims left without a seat
	Lineup  LineupJSON    `db:"lineup"`
}

// firstAnswer reports whether job j, on its row locked up front, is a first answer a run can
// take (not seated nor waiting before; a meetup taking answers; a mode it offers), with its
// answer's mode filled in, and whether it claims a seat.
func (b *batchRun) firstAnswer(j *answerJob) (it runItem, ok bool) {
	it.job, it.a = j, j.a
	row, ok := b.pre[j.key()]
	it.row = row
	if !ok || b.touched[row.Person.ID] || row.RSVP.Status == RSVPYes || row.RSVP.Status == RSVPWaitlisted ||
		(j.valid != nil && !j.valid(row.Invitation)) {
		return it, false
	}
	lim, err := row.limits()
	if err != nil || it.a.fitMode(lim) != nil {
		return it, false
	}
	it.limited = lim.limited(it.a.Mode)
	it.claim = it.limited && it.a.Status == RSVPYes
	return it, true
}

// runItem is one answer of a run.
type runItem struct {
	job            *answerJob
	a              Answer
	row            locked
	limited, claim bool
}

// firstAnswerRun is the run of first answers that jobs start with, each person once, whose
// limited mode (if any) is one, and the mode.
func (b *batchRun) firstAnswerRun(jobs []*answerJob) (run []runItem, mode string) {
	seen := map[string]bool{}
	for _, j := range jobs {
		it, ok := b.firstAnswer(j)
		if !ok || seen[it.row.Person.ID] || (it.limited && mode != "" && it.a.Mode != mode) {
			break
		}
		if it.limited {
			mode = it.a.Mode
		}
		seen[it.row.Person.ID] = true
		run = append(run, it)
	}
	return run, mode
}

// answerRun answers the run: the claims' seats to the first, waitlist places to the rest, each
// told as alone; the other answers written with them.
func (b *batchRun) answerRun(ctx context.Context, run []runItem, mode string) error {
	m := run[0].row.Meetup
	var claimers []string
	for _, it := range run {
		if it.claim {
			claimers = append(claimers, it.row.Person.ID)
		}
	}
	var c claimRun
	if mode != "" {
		if err := (txq{b.s, b.tx}).get(ctx, &c, claimRunSQL, m.ID, pq.StringArray(claimers), mode, m.TeamID); err != nil {
			return mapErr(err)
		}
	}
	seqs := []int64(c.Places)
	slices.Sort(seqs)
	rows, err := b.storeRun(ctx, run, c.Seated, seqs)
	if err != nil {
		return err
	}
	return b.tellRun(ctx, run, mode, c, rows, seqs)
}

// tellRun gives each answer of the run its result, and the waitlisted their notices.
func (b *batchRun) tellRun(ctx context.Context, run []runItem, mode string, c claimRun, rows map[string]RSVP, seqs []int64) error {
	lim, _ := run[0].row.limits()
	seats := SeatCount{Mode: mode, Limited: true, Capacity: lim.capacity(mode), Excess: c.Excess}
	// The statement counted the free seats before its claims.
	seats.Taken = seats.Capacity + c.Excess - (c.Free - c.Seated)
	k := 0 // the claims so far
	for _, it := range run {
		b.touched[it.row.Person.ID] = true
		res := AnswerResult{RSVP: rows[it.row.Person.ID], Seats: SeatCount{Mode: it.a.Mode}}
		if it.limited {
			res.Seats = seats
		}
		it.job.inv, it.job.res = it.row.Invitation, res
		if !it.claim {
			continue
		}
		if k++; k <= c.Seated {
			continue
		}
		it.job.res.Position = c.Waiting + k - c.Seated
		if it.job.err = b.tellWaitlisted(ctx, it, seqs[k-c.Seated-1], c.Lineup); it.job.err != nil {
			return errRefused // the batch runs again, this answer alone in its savepoint
		}
	}
	return nil
}

// storeRun writes the run's RSVPs and returns them by person: the first seated claims yes, the
// other claims waitlisted with their numbers, the rest as answered.
func (b *batchRun) storeRun(ctx context.Context, run []runItem, seated int, seqs []int64) (map[string]RSVP, error) {
	n := len(run)
	people, modes, statuses, dietary := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	places := make(pq.Int64Array, n) // 0: none
	k := 0
	for i, it := range run {
		people[i], modes[i], statuses[i], dietary[i] = it.row.Person.ID, it.a.Mode, it.a.Status, it.a.Dietary
		if it.claim {
			if k >= seated {
				statuses[i], places[i] = RSVPWaitlisted, seqs[k-seated]
			}
			k++
		}
	}
	var rows []RSVP
	err := txq{b.s, b.tx}.sel(ctx, &rows, storeRunSQL, run[0].row.Meetup.ID, pq.StringArray(people),
		pq.StringArray(modes), pq.StringArray(statuses), pq.StringArray(dietary), places)
	if err != nil {
		return nil, mapErr(err)
	}
	out := make(map[string]RSVP, n)
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
		Key: fmt.Sprintf("waitlisted:%s:%s:%d", m, p, seq), Notice: &Notice{Lineup: lineup, Mode: it.a.Mode}}
	return it.row.ownNotice(it.job.notify)(ctx, b.tx, ev)
}
