package models

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// ErrMeetupClosed means the meetup takes no answers now: not scheduled yet, cancelled or over.
var ErrMeetupClosed = fmt.Errorf("%w: the meetup takes no answers", ErrConflict)

// Answer is what a person says through their RSVP link.
type Answer struct {
	TeamID   string
	MeetupID string
	PersonID string
	Status   string
	Mode     string
	Dietary  string
}

// AnswerResult is the RSVP after an answer, the place in the waitlist when waiting, and the
// seats of the answer's mode once settled.
type AnswerResult struct {
	RSVP     RSVP
	Position int
	Seats    SeatCount
}

// Answer records a person's answer. A yes takes a seat of its mode when one is free, else a
// place at the end of the waitlist; leaving a seat passes it on in the same transaction.
func (s *Store) Answer(ctx context.Context, a Answer, notify Notifier) (AnswerResult, error) {
	if err := s.prepare(ctx, answerQueries()...); err != nil {
		return AnswerResult{}, err
	}
	var res AnswerResult
	var settle []string
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		q := txq{s, tx}
		lim, cur, err := lockAnswer(ctx, q, a)
		if err != nil {
			return err
		}
		if err := a.normalize(lim); err != nil {
			return err
		}
		res, settle, err = applyAnswer(ctx, q, lim, cur, a, notify)
		return err
	})
	if err != nil {
		return AnswerResult{}, err
	}
	res.Seats, err = s.settle(ctx, a.MeetupID, res.RSVP.Mode, settle, notify)
	return res, err
}

// answerQueries are the statements an answer may run, prepared before its transaction.
func answerQueries() []string {
	return []string{lockAnswerSQL, claimSeatSQL, storeAnswerSQL, holdSeatSQL, lockExcessSQL, promoteSQL,
		freeSeatSQL, dropSeatSQL, renumberSeatSQL, personSeatsSQL, recordEventSQL}
}

// applyAnswer moves the person between seat, waitlist and neither, and reports the modes whose
// seats must be checked after commit (a seat left free while someone may have joined the list).
func applyAnswer(ctx context.Context, q txq, lim limits, cur RSVP, a Answer, notify Notifier) (AnswerResult, []string, error) {
	next := cur
	next.Status, next.Mode, next.Dietary, next.WaitlistSeq = a.Status, a.Mode, a.Dietary, nil
	placed := cur.Status == RSVPYes || cur.Status == RSVPWaitlisted
	if placed && a.Status == RSVPYes && a.Mode == cur.Mode {
		next.Status, next.WaitlistSeq = cur.Status, cur.WaitlistSeq // keeps the seat or the place
		return storeAnswer(ctx, q, next, notify)
	}
	var settle []string
	if cur.Status == RSVPYes && lim.limited(cur.Mode) {
		free, err := releaseSeat(ctx, q, cur.MeetupID, cur.Mode, cur.PersonID, notify)
		if err != nil {
			return AnswerResult{}, nil, err
		}
		if free {
			settle = append(settle, cur.Mode)
		}
	}
	if a.Status == RSVPYes && lim.limited(a.Mode) {
		got, err := claimSeat(ctx, q, cur.MeetupID, a.Mode, cur.PersonID)
		if err != nil {
			return AnswerResult{}, nil, err
		}
		if !got {
			next.Status = RSVPWaitlisted
		}
	}
	res, waiting, err := storeAnswer(ctx, q, next, notify)
	return res, append(settle, waiting...), err
}

const storeAnswerSQL = `
UPDATE rsvps SET status = $3, mode = $4, dietary = $5, answered_at = now(), updated_at = now(),
    waitlist_seq = CASE WHEN $3 = 'waitlisted' THEN COALESCE($6, nextval('rsvp_waitlist_seq')) END
WHERE meetup_id = $1 AND person_id = $2
RETURNING ` + rsvpColumns + `,
    CASE WHEN status = 'waitlisted' THEN 1 + (
        SELECT count(*) FROM rsvps w WHERE w.meetup_id = $1 AND w.mode = $4
        AND w.status = 'waitlisted' AND w.waitlist_seq < rsvps.waitlist_seq) ELSE 0 END AS position`

// storeAnswer writes the new state; a new place on the waitlist is numbered and told. A
// waiting person's mode is checked after commit, in case a seat was left free meanwhile.
func storeAnswer(ctx context.Context, q txq, r RSVP, notify Notifier) (AnswerResult, []string, error) {
	var row struct {
		RSVP
		Position int `db:"position"`
	}
	err := q.get(ctx, &row, storeAnswerSQL, r.MeetupID, r.PersonID, r.Status, r.Mode, r.Dietary, r.WaitlistSeq)
	if err != nil {
		return AnswerResult{}, nil, mapErr(err)
	}
	res := AnswerResult{RSVP: row.RSVP, Position: row.Position}
	if res.RSVP.Status != RSVPWaitlisted {
		return res, nil, nil
	}
	if r.WaitlistSeq == nil {
		ev := RSVPEvent{Kind: EventWaitlisted, MeetupID: r.MeetupID, PersonID: r.PersonID, Position: row.Position,
			Key: fmt.Sprintf("waitlisted:%s:%s:%d", r.MeetupID, r.PersonID, *res.RSVP.WaitlistSeq)}
		err = notify(ctx, q.tx, ev)
	}
	return res, []string{res.RSVP.Mode}, err
}
