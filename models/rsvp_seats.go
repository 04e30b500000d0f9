package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Seats: rows 1..capacity of rsvp_seats per meetup and limited mode. Lock order, which keeps
// every path free of deadlocks: a person's own rsvps row, then their own seat, then an excess
// seat, then the waitlist head. Claims of free seats and picks of the waitlist head never wait
// (SKIP LOCKED), so simultaneous cancellations promote different people in parallel instead of
// queueing behind each other's commits. A head skipped because its owner is answering at that
// moment is settled after commit (see rsvp_rebalance.go).

const claimSeatSQL = `
UPDATE rsvp_seats SET person_id = $3
WHERE (meetup_id, kind, n) = (
    SELECT meetup_id, kind, n FROM rsvp_seats
    WHERE meetup_id = $1 AND kind = $2 AND person_id IS NULL
    ORDER BY n LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING n`

// claimSeat gives the person the lowest free seat of the kind; false when none is free.
func claimSeat(ctx context.Context, q txq, meetupID, kind, personID string) (bool, error) {
	var n int
	err := q.get(ctx, &n, claimSeatSQL, meetupID, kind, personID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, mapErr(err)
}

const holdSeatSQL = `
SELECT n, excess FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND person_id = $3 FOR UPDATE`

const dropSeatSQL = `DELETE FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND n = $3`

// releaseSeat gives up the person's seat: an excess seat goes away, any other passes on.
func releaseSeat(ctx context.Context, q txq, meetupID, kind, personID string, notify Notifier) error {
	if done, err := leaveSeat(ctx, q, meetupID, kind, personID, notify); done || err != nil {
		return err
	}
	var seat struct {
		N      int  `db:"n"`
		Excess bool `db:"excess"`
	}
	err := q.get(ctx, &seat, holdSeatSQL, meetupID, kind, personID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // held no seat (the mode had no limit when they said yes)
	}
	if err != nil {
		return mapErr(err)
	}
	if seat.Excess {
		return q.exec(ctx, dropSeatSQL, meetupID, kind, seat.N)
	}
	_, err = fillSeat(ctx, q, meetupID, kind, seat.N, notify)
	return err
}

const lockExcessSQL = `
SELECT n FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND excess
ORDER BY n DESC LIMIT 1 FOR UPDATE`

const renumberSeatSQL = `
UPDATE rsvp_seats SET n = $3, excess = false WHERE meetup_id = $1 AND kind = $2 AND n = $4`

// promoteSQL gives seat $3 to the first person waiting whom no other transaction is busy with.
const promoteSQL = `
WITH w AS (
    SELECT person_id, waitlist_seq FROM rsvps
    WHERE meetup_id = $1 AND mode = $2 AND status = 'waitlisted'
    ORDER BY waitlist_seq LIMIT 1 FOR UPDATE SKIP LOCKED
), p AS (
    UPDATE rsvps r SET status = 'yes', waitlist_seq = NULL, updated_at = now()
    FROM w WHERE r.meetup_id = $1 AND r.person_id = w.person_id
    RETURNING r.person_id, w.waitlist_seq
)
UPDATE rsvp_seats s SET person_id = p.person_id FROM p
WHERE s.meetup_id = $1 AND s.kind = $2 AND s.n = $3
RETURNING p.person_id, p.waitlist_seq`

// lockMeetupRowSQL shuts out new yes answers (their KEY SHARE) and waits for those under way.
const lockMeetupRowSQL = `SELECT 1 FROM meetups WHERE id = $1 FOR UPDATE`

const freeSeatSQL = `UPDATE rsvp_seats SET person_id = NULL WHERE meetup_id = $1 AND kind = $2 AND n = $3`

// fillSeat passes seat n (locked by this transaction) on: to an excess holder, who then sits
// within capacity, else to the first person waiting, who is promoted and told. Before leaving it
// free it takes the meetup's row lock, which waits out every yes under way and holds off new
// ones, and looks again: so a seat is only ever free when nobody waits. (Someone waiting whose
// row is still locked then is leaving the list: promoted by another, or answering no or maybe;
// only their abort could leave a seat free beside them, which the sweep settles.) It reports
// whether the seat was left free.
func fillSeat(ctx context.Context, q txq, meetupID, kind string, n int, notify Notifier) (bool, error) {
	var m int
	err := q.get(ctx, &m, lockExcessSQL, meetupID, kind)
	if err == nil {
		if err = q.exec(ctx, dropSeatSQL, meetupID, kind, n); err == nil {
			err = q.exec(ctx, renumberSeatSQL, meetupID, kind, n, m)
		}
		return false, err
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, mapErr(err)
	}
	var w struct {
		PersonID string `db:"person_id"`
		Seq      int64  `db:"waitlist_seq"`
	}
	err = q.get(ctx, &w, promoteSQL, meetupID, kind, n)
	if errors.Is(err, sql.ErrNoRows) {
		if err = q.exec(ctx, lockMeetupRowSQL, meetupID); err != nil {
			return false, err
		}
		err = q.get(ctx, &w, promoteSQL, meetupID, kind, n)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return true, q.exec(ctx, freeSeatSQL, meetupID, kind, n)
	}
	if err != nil {
		return false, mapErr(err)
	}
	ev := RSVPEvent{Kind: EventPromoted, MeetupID: meetupID, PersonID: w.PersonID,
		Key: fmt.Sprintf("promoted:%s:%s:%d", meetupID, w.PersonID, w.Seq)}
	return false, notify(ctx, q.tx, ev)
}
