package models

import (
	"context"

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
// outreach (stepBack); notify gets the organiser's alert and, after a
// withdrawal, a notice for each other speaker still asked for the slot (it is free again). Repeating it changes nothing.
func (s *Store) DeclineSlot(ctx context.Context, link Link, notify NotifyFunc) (ConfirmResult, error) {
	var res ConfirmResult
	if link.MeetupID == nil {
		return res, ErrNotFound
	}
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
			err = tellWithdrawn(ctx, tx, notify, link.TeamID, meetupID, id)
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
