package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

const declineCandidateSQL = `
UPDATE candidates SET status = CASE WHEN status = 'confirmed' THEN 'withdrawn' ELSE 'declined' END,
    ical_sequence = ical_sequence + CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END,
    declined_at = now(), updated_at = now()
WHERE id = $1 RETURNING status`

const releaseSlotSQL = `DELETE FROM slot_holds WHERE candidate_id = $1`

// DeclineSlot records a chosen speaker's "no" from their /c/ link: an invited speaker declines, a
// confirmed one withdraws and frees the slot; a meetup left without a lineup steps back to
// outreach (stepBack). A withdrawn speaker invited to the meetup as a speaker stays invited as an
// attendee or is uninvited (withdrawSpeakerRSVP), a seat they leave going to the first person
// waiting, who is told through seats (nil: the event is only recorded). notify gets the
// organiser's alert and, after a withdrawal, a notice for each other speaker still asked for the
// slot (it is free again) and the speaker's notice of their invitation. Repeating it changes
// nothing. Like an answer, it is tried once more after a deadlock.
func (s *Store) DeclineSlot(ctx context.Context, link Link, notify NotifyFunc, seats Notifier) (ConfirmResult, error) {
	if link.MeetupID == nil {
		return ConfirmResult{}, ErrNotFound
	}
	if seats == nil {
		seats = RecordEvent
	}
	res, err := s.declineSlotTx(ctx, link, notify, seats)
	if retryable(err) {
		time.Sleep(retryPause)
		res, err = s.declineSlotTx(ctx, link, notify, seats)
	}
	return res, err
}

// declineSlotTx is one try of DeclineSlot.
func (s *Store) declineSlotTx(ctx context.Context, link Link, notify NotifyFunc, seats Notifier) (ConfirmResult, error) {
	var res ConfirmResult
	meetupID, id := *link.MeetupID, link.Subject
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		res = ConfirmResult{}
		status, err := lockForConfirm(ctx, tx, link.TeamID, meetupID, id)
		if err != nil || status == CandidateDeclined || status == CandidateWithdrawn {
			return err
		}
		if status != CandidateInvited && status != CandidateConfirmed {
			return ErrNotInvited
		}
		var now string
		if err := sqlx.GetContext(ctx, tx, &now, declineCandidateSQL, id); err != nil {
			return mapErr(err)
		}
		if _, err := tx.ExecContext(ctx, releaseSlotSQL, id); err != nil {
			return mapErr(err)
		}
		if err := stepBack(ctx, tx, meetupID); err != nil {
			return err
		}
		res.Changed = true
		if now == CandidateWithdrawn {
			err = s.withdrawn(ctx, tx, notify, seats, link.TeamID, meetupID, id)
		} else {
			err = send(ctx, tx, notify, NoticeDeclined, link.TeamID, meetupID, id)
		}
		if err != nil {
			return err
		}
		res.LineupReady, err = lineupReady(ctx, tx, meetupID)
		return err
	})
	return res, err
}

// withdrawn follows the withdrawal of confirmed speaker id, after stepBack has locked the meetup's
// row: their own invitation to the meetup first (withdrawSpeakerRSVP), then the mails (tellWithdrawn).
func (s *Store) withdrawn(ctx context.Context, tx *sqlx.Tx, notify NotifyFunc, seats Notifier, teamID, meetupID, id string) error {
	inv, err := s.withdrawSpeakerRSVP(ctx, tx, meetupID, id, seats)
	if err != nil {
		return err
	}
	return tellWithdrawn(ctx, tx, notify, teamID, meetupID, id, inv)
}
