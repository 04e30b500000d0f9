package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// ConfirmResult says what a confirmation or a decline did.
type ConfirmResult struct {
	Changed     bool // false for a repeated answer: nothing happened
	LineupReady bool // every chosen speaker has confirmed
}

const holdSlotSQL = `
INSERT INTO slot_holds (slot_id, candidate_id)
SELECT lineup_slot_id, id FROM candidates WHERE id = $1 AND lineup_slot_id IS NOT NULL
ON CONFLICT DO NOTHING
RETURNING slot_id`

const confirmCandidateSQL = `
UPDATE candidates SET status = 'confirmed', confirmed_at = now(), ical_sequence = ical_sequence + 1, updated_at = now()
WHERE id = $1`

// ConfirmSlot confirms a chosen speaker's slot from their /c/ link. The slot's primary key in
// slot_holds lets one speaker hold it even when two confirm at the same instant: the other gets
// ErrSlotTaken. A repeated confirmation changes nothing. notify gets the speaker's calendar invite,
// a notice for each other speaker asked for the same slot, and, when the lineup is complete, the
// organiser's notice.
func (s *Store) ConfirmSlot(ctx context.Context, link Link, notify NotifyFunc) (ConfirmResult, error) {
	var res ConfirmResult
	if link.MeetupID == nil {
		return res, ErrNotFound
	}
	meetupID, id := *link.MeetupID, link.Subject
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		res = ConfirmResult{}
		status, err := lockForConfirm(ctx, tx, link.TeamID, meetupID, id)
		if err != nil || status == CandidateConfirmed {
			return err
		}
		if status != CandidateInvited {
			return ErrNotInvited
		}
		var slot string
		if err := sqlx.GetContext(ctx, tx, &slot, holdSlotSQL, id); err != nil {
			return cmpErr(isNotFound(mapErr(err)), ErrSlotTaken, mapErr(err))
		}
		if _, err := tx.ExecContext(ctx, confirmCandidateSQL, id); err != nil {
			return mapErr(err)
		}
		res.Changed = true
		if err := send(ctx, tx, notify, NoticeConfirmed, link.TeamID, meetupID, id); err != nil {
			return err
		}
		if err := tellSlotTaken(ctx, tx, notify, link.TeamID, meetupID, slot, id); err != nil {
			return err
		}
		if res.LineupReady, err = lineupReady(ctx, tx, meetupID); err != nil || !res.LineupReady {
			return err
		}
		return lineupComplete(ctx, tx, link.TeamID, meetupID, id, notify)
	})
	return res, err
}

const askedForSlotSQL = `
SELECT id FROM candidates WHERE meetup_id = $1 AND lineup_slot_id = $2 AND status = 'invited' AND id <> $3
ORDER BY invited_at, created_at, id`

// tellSlotTaken hands notify a NoticeSlotTaken for every other speaker still asked for the slot
// that holderID has just confirmed.
func tellSlotTaken(ctx context.Context, tx *sqlx.Tx, notify NotifyFunc, teamID, meetupID, slotID, holderID string) error {
	var ids []string
	if err := tx.SelectContext(ctx, &ids, askedForSlotSQL, meetupID, slotID, holderID); err != nil {
		return mapErr(err)
	}
	for _, id := range ids {
		if err := send(ctx, tx, notify, NoticeSlotTaken, teamID, meetupID, id); err != nil {
			return err
		}
	}
	return nil
}

// lockForConfirm locks the meetup's settings, then the candidate, and returns the candidate's status.
func lockForConfirm(ctx context.Context, tx *sqlx.Tx, teamID, meetupID, id string) (string, error) {
	if err := lockMeetupOpen(ctx, tx, teamID, meetupID); err != nil {
		return "", cmpErr(isNotFound(err), err, ErrNotInvited)
	}
	return lockCandidate(ctx, tx, teamID, meetupID, id)
}

// lineupComplete marks the step done: the meetup is ready to schedule and the organiser is told.
func lineupComplete(ctx context.Context, tx *sqlx.Tx, teamID, meetupID, lastID string, notify NotifyFunc) error {
	if err := advanceStage(ctx, tx, meetupID, StageConfirmation); err != nil {
		return err
	}
	if err := Audit(ctx, tx, teamID, "", "lineup.confirmed", meetupID, nil); err != nil {
		return err
	}
	if notify == nil {
		return nil
	}
	n, err := notice(ctx, tx, NoticeLineupReady, teamID, meetupID, lastID)
	if err != nil {
		return err
	}
	l, err := confirmedLineup(ctx, tx, teamID, meetupID)
	if err != nil {
		return err
	}
	n.Lineup = l.Speakers
	return notify(ctx, tx, n)
}
