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

// AnswerResult is the RSVP after an answer and, when waitlisted, the place in the list.
type AnswerResult struct {
	RSVP     RSVP
	Position int
}

// Answer records a person's answer. A yes takes a seat of its mode when one is free, else a
// place at the end of the waitlist; leaving a seat passes it on in the same transaction.
func (s *Store) Answer(ctx context.Context, a Answer, notify Notifier) (AnswerResult, error) {
	var res AnswerResult
	var settle []string
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		lim, err := meetupLimits(ctx, tx, a.TeamID, a.MeetupID)
		if err != nil {
			return err
		}
		if err := a.normalize(lim); err != nil {
			return err
		}
		cur, err := lockRSVP(ctx, tx, a.TeamID, a.MeetupID, a.PersonID)
		if err != nil {
			return err
		}
		res, settle, err = applyAnswer(ctx, tx, lim, cur, a, notify)
		return err
	})
	if err != nil {
		return AnswerResult{}, err
	}
	return res, s.settle(ctx, a.MeetupID, settle, notify)
}

// applyAnswer moves the person between seat, waitlist and neither, and reports the modes whose
// seats must be checked after commit (a seat left free while someone may have joined the list).
func applyAnswer(ctx context.Context, tx *sqlx.Tx, lim limits, cur RSVP, a Answer, notify Notifier) (AnswerResult, []string, error) {
	next := cur
	next.Status, next.Mode, next.Dietary, next.WaitlistSeq = a.Status, a.Mode, a.Dietary, nil
	placed := cur.Status == RSVPYes || cur.Status == RSVPWaitlisted
	if placed && a.Status == RSVPYes && a.Mode == cur.Mode {
		next.Status, next.WaitlistSeq = cur.Status, cur.WaitlistSeq // keeps the seat or the place
		return storeAnswer(ctx, tx, next, notify)
	}
	var settle []string
	if cur.Status == RSVPYes && lim.limited(cur.Mode) {
		free, err := releaseSeat(ctx, tx, cur.MeetupID, cur.Mode, cur.PersonID, notify)
		if err != nil {
			return AnswerResult{}, nil, err
		}
		if free {
			settle = append(settle, cur.Mode)
		}
	}
	if a.Status == RSVPYes && lim.limited(a.Mode) {
		got, err := claimSeat(ctx, tx, cur.MeetupID, a.Mode, cur.PersonID)
		if err != nil {
			return AnswerResult{}, nil, err
		}
		if !got {
			next.Status = RSVPWaitlisted
			settle = append(settle, a.Mode)
		}
	}
	res, _, err := storeAnswer(ctx, tx, next, notify)
	return res, settle, err
}

const storeAnswerSQL = `
UPDATE rsvps SET status = $3, mode = $4, dietary = $5, answered_at = now(), updated_at = now(),
    waitlist_seq = CASE WHEN $3 = 'waitlisted' THEN COALESCE($6, nextval('rsvp_waitlist_seq')) END
WHERE meetup_id = $1 AND person_id = $2
RETURNING ` + rsvpColumns + `,
    CASE WHEN status = 'waitlisted' THEN 1 + (
        SELECT count(*) FROM rsvps w WHERE w.meetup_id = $1 AND w.mode = $4
        AND w.status = 'waitlisted' AND w.waitlist_seq < rsvps.waitlist_seq) ELSE 0 END AS position`

// storeAnswer writes the new state; a new place on the waitlist is numbered and told.
func storeAnswer(ctx context.Context, tx *sqlx.Tx, r RSVP, notify Notifier) (AnswerResult, []string, error) {
	var row struct {
		RSVP
		Position int `db:"position"`
	}
	err := tx.GetContext(ctx, &row, storeAnswerSQL, r.MeetupID, r.PersonID, r.Status, r.Mode, r.Dietary, r.WaitlistSeq)
	if err != nil {
		return AnswerResult{}, nil, mapErr(err)
	}
	res := AnswerResult{RSVP: row.RSVP, Position: row.Position}
	if res.RSVP.Status == RSVPWaitlisted && r.WaitlistSeq == nil {
		seq := *res.RSVP.WaitlistSeq
		ev := RSVPEvent{Kind: EventWaitlisted, MeetupID: r.MeetupID, PersonID: r.PersonID, Position: row.Position,
			Key: fmt.Sprintf("waitlisted:%s:%s:%d", r.MeetupID, r.PersonID, seq)}
		err = notify(ctx, tx, ev)
	}
	return res, nil, err
}
