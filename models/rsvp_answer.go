package models

import (
	"context"
	"fmt"
	"time"

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
// seats of the answer's mode.
type AnswerResult struct {
	RSVP     RSVP
	Position int
	Seats    SeatCount
}

// Answer records a person's answer. A yes takes a seat of its mode when one is free, else a
// place at the end of the waitlist; leaving a seat passes it on in the same transaction.
func (s *Store) Answer(ctx context.Context, a Answer, notify Notifier) (AnswerResult, error) {
	if !IsUUID(a.MeetupID) || !IsUUID(a.PersonID) {
		return AnswerResult{}, ErrNotFound
	}
	st := answerStatements{lock: lockSQL(false, a.Status == RSVPYes), create: createRSVPSQL(false),
		args: []any{a.MeetupID, a.PersonID, a.TeamID}, lockArgs: []any{a.MeetupID, a.PersonID, a.TeamID, a.Mode}}
	_, res, err := s.answer(ctx, a, st, nil, notify)
	return res, err
}

// AnswerByToken records the answer of the person an RSVP link token names, finding the link,
// the meetup and the person in the answer's first statement. It also returns the invitation
// (for the page, even when the answer is refused); every bad token is ErrNotFound.
func (s *Store) AnswerByToken(ctx context.Context, l *Linker, token string, a Answer, notify Notifier) (Invitation, AnswerResult, error) {
	if len(token) != 43 {
		return Invitation{}, AnswerResult{}, ErrNotFound
	}
	valid := func(inv Invitation) bool { return l.Valid(token, PurposeRSVP, inv.Link) }
	hash := HashToken(token)
	st := answerStatements{lock: lockSQL(true, a.Status == RSVPYes), create: createRSVPSQL(true),
		args: []any{hash}, lockArgs: []any{hash, a.Mode}}
	return s.answer(ctx, a, st, valid, notify)
}

// answerStatements is how an answer finds its RSVP: by link token or by ids.
type answerStatements struct {
	lock, create   string
	args, lockArgs []any
}

// answer validates, then has the answer taken in its meetup's next batch (rsvp_batch.go).
func (s *Store) answer(ctx context.Context, a Answer, st answerStatements, valid func(Invitation) bool, notify Notifier) (Invitation, AnswerResult, error) {
	if err := a.check(); err != nil {
		return Invitation{}, AnswerResult{}, err
	}
	if err := s.prepare(ctx, append(answerQueries(), st.lock, st.create, answerMeetupSQL)...); err != nil {
		return Invitation{}, AnswerResult{}, err
	}
	meetupID := a.MeetupID
	if valid != nil {
		var err error
		if meetupID, err = s.meetupOfToken(ctx, st.args[0].([]byte)); err != nil {
			return Invitation{}, AnswerResult{}, err
		}
	}
	return s.batchAnswer(ctx, meetupID, &answerJob{a: a, st: st, valid: valid, notify: notify})
}

// answerAlone runs the answer in a transaction of its own, once more after a deadlock.
func (s *Store) answerAlone(ctx context.Context, a Answer, st answerStatements, valid func(Invitation) bool, notify Notifier) (Invitation, AnswerResult, error) {
	inv, res, err := s.answerTx(ctx, a, st, valid, notify)
	if retryable(err) {
		time.Sleep(retryPause)
		inv, res, err = s.answerTx(ctx, a, st, valid, notify)
	}
	return inv, res, err
}

// answerTx is one try of an answer's own transaction.
func (s *Store) answerTx(ctx context.Context, a Answer, st answerStatements, valid func(Invitation) bool, notify Notifier) (Invitation, AnswerResult, error) {
	var inv Invitation
	var res AnswerResult
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		inv, res, err = s.answerIn(ctx, tx, a, st, valid, notify)
		return err
	})
	return inv, res, err
}

// answerIn runs an answer's statements in the transaction tx.
func (s *Store) answerIn(ctx context.Context, tx *sqlx.Tx, a Answer, st answerStatements, valid func(Invitation) bool, notify Notifier) (Invitation, AnswerResult, error) {
	row, err := lockAnswer(ctx, txq{s, tx}, st)
	if err != nil {
		return row.Invitation, AnswerResult{}, err
	}
	return s.answerLocked(ctx, tx, row, a, valid, notify)
}

// answerLocked applies an answer to the RSVP row, which the transaction tx has locked.
func (s *Store) answerLocked(ctx context.Context, tx *sqlx.Tx, row locked, a Answer, valid func(Invitation) bool, notify Notifier) (Invitation, AnswerResult, error) {
	inv := row.Invitation
	if valid != nil && !valid(inv) {
		return inv, AnswerResult{}, ErrNotFound
	}
	a.TeamID, a.MeetupID, a.PersonID = inv.Meetup.TeamID, inv.Meetup.ID, inv.Person.ID
	lim, err := row.limits()
	if err != nil {
		return inv, AnswerResult{}, err
	}
	if err := a.fitMode(lim); err != nil {
		return inv, AnswerResult{}, err
	}
	res, err := applyAnswer(ctx, txq{s, tx}, lim, row.RSVP, a, row.Shared, row.ownNotice(notify))
	return inv, res, err
}

// answerQueries are the statements an answer may run, prepared before its transaction.
func answerQueries() []string {
	return []string{storeAnswerSQL, claimStoreSQL, shareMeetupSQL, holdSeatSQL, lockExcessSQL, promoteSQL,
		lockMeetupRowSQL, freeSeatSQL, dropSeatSQL, renumberSeatSQL, recordEventSQL, noticeSQL, noticeModeSQL, recordNoticeSQL,
		leaveSeatSQL}
}

// applyAnswer moves the person between seat, waitlist and neither: a seat held and given up
// passes on first, then a yes of a limited mode claims a seat or a place in the waitlist, under
// the meetup's KEY SHARE lock (shared: taken by lockSQL already).
func applyAnswer(ctx context.Context, q txq, lim limits, cur RSVP, a Answer, shared bool, notify Notifier) (AnswerResult, error) {
	next := cur
	next.Status, next.Mode, next.Dietary, next.WaitlistSeq = a.Status, a.Mode, a.Dietary, nil
	placed := cur.Status == RSVPYes || cur.Status == RSVPWaitlisted
	if placed && a.Status == RSVPYes && a.Mode == cur.Mode {
		next.Status, next.WaitlistSeq = cur.Status, cur.WaitlistSeq // keeps the seat or the place
		return storeAnswer(ctx, q, lim, next, false, notify)
	}
	if cur.Status == RSVPYes && lim.limited(cur.Mode) {
		if err := releaseSeat(ctx, q, cur.MeetupID, cur.Mode, cur.PersonID, notify); err != nil {
			return AnswerResult{}, err
		}
	}
	claim := a.Status == RSVPYes && lim.limited(a.Mode)
	if claim && !shared {
		if err := q.exec(ctx, shareMeetupSQL, cur.MeetupID); err != nil {
			return AnswerResult{}, err
		}
	}
	return storeAnswer(ctx, q, lim, next, claim, notify)
}
