package models

import (
	"context"
	"fmt"
)

// In a batch of answers the meetup's row is locked FOR UPDATE, so no seat of it changes but by
// the batch and nobody joins its waitlist meanwhile: a seat given up can be passed on in one
// statement (leaveSeatSQL) instead of releaseSeat's three to five, which must hold their locks in
// order against answers taken alone. Only the common case is taken so: a seat within capacity,
// with no seat over it; otherwise (leaveSeat reports it not done) releaseSeat runs as alone.

// leaveSeatSQL gives up person $3's seat of kind $2 at meetup $1 and passes it to the first person
// waiting (left free when nobody waits), unless the seat or another is over capacity; it returns
// the seat, whether any is over capacity, and whom it promoted.
const leaveSeatSQL = `
WITH seat AS (
    SELECT n, excess FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND person_id = $3 FOR UPDATE
), excess_seats AS (
    SELECT EXISTS (SELECT 1 FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND excess) AS has_excess
), w AS (
    SELECT person_id, waitlist_seq FROM rsvps
    WHERE meetup_id = $1 AND mode = $2 AND status = 'waitlisted' AND NOT (SELECT has_excess FROM excess_seats)
        AND EXISTS (SELECT 1 FROM seat)
    ORDER BY waitlist_seq LIMIT 1 FOR UPDATE SKIP LOCKED
), p AS (
    UPDATE rsvps r SET status = 'yes', waitlist_seq = NULL, updated_at = now()
    FROM w WHERE r.meetup_id = $1 AND r.person_id = w.person_id
    RETURNING r.person_id, w.waitlist_seq
), passed AS (
    UPDATE rsvp_seats s SET person_id = (SELECT person_id FROM p)
    FROM seat WHERE s.meetup_id = $1 AND s.kind = $2 AND s.n = seat.n AND NOT (SELECT has_excess FROM excess_seats)
    RETURNING s.n
)
SELECT (SELECT n FROM seat) AS n, (SELECT has_excess FROM excess_seats) AS over,
    (SELECT person_id FROM p) AS promoted, (SELECT waitlist_seq FROM p) AS seq`

// leaveSeat passes the person's seat on in one statement when tx is a batch's and no seat of
// the kind is over capacity; false when releaseSeat must do it.
func leaveSeat(ctx context.Context, q txq, meetupID, kind, personID string, notify Notifier) (bool, error) {
	if _, batch := q.s.noticeBufs.Load(q.tx); !batch {
		return false, nil
	}
	var r struct {
		N        *int    `db:"n"`
		Over     bool    `db:"over"`
		Promoted *string `db:"promoted"`
		Seq      *int64  `db:"seq"`
	}
	if err := q.get(ctx, &r, leaveSeatSQL, meetupID, kind, personID); err != nil {
		return false, mapErr(err)
	}
	switch {
	case r.N == nil:
		return true, nil // held no seat (the mode had no limit when they said yes)
	case r.Over:
		return false, nil
	case r.Promoted == nil:
		return true, nil // nobody waits: the seat is left free
	}
	ev := RSVPEvent{Kind: EventPromoted, MeetupID: meetupID, PersonID: *r.Promoted,
		Key: fmt.Sprintf("promoted:%s:%s:%d", meetupID, *r.Promoted, *r.Seq)}
	return true, notify(ctx, q.tx, ev)
}
