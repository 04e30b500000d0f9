package models

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// MeetupChange is a change everyone invited must hear about: an update of time or place (with
// the meetup as it was) or a cancellation.
type MeetupChange struct {
	Kind     string // ChangeUpdate or ChangeCancel
	Meetup   Meetup // as it is now, SEQUENCE raised
	Before   Meetup // as it was
	Changes  []string
	Speakers []SlotMove // an update's chosen speakers whose slot moved with the start, or whose place changed
}

// Kinds of MeetupChange.
const (
	ChangeUpdate = "update"
	ChangeCancel = "cancel"
)

// Broadcaster tells everyone invited about a change, inside the transaction of the change
// (the mail layer enqueues one update or cancellation per invitee with the new SEQUENCE, and
// an update of their slot to each of the change's Speakers).
type Broadcaster func(ctx context.Context, tx *sqlx.Tx, ch MeetupChange) error

// maxCancelReason bounds the reason given for a cancellation, in characters.
const maxCancelReason = 1000

const cancelMeetupSQL = `
UPDATE meetups SET stage = 'cancelled', cancel_reason = $2, ical_sequence = ical_sequence + 1, updated_at = now()
WHERE id = $1
RETURNING ` + meetupColumns

// CancelMeetup cancels a meetup of the team with a reason, raising its SEQUENCE, and tells
// everyone invited through broadcast in the same transaction. Cancelling twice is ErrConflict.
func (s *Store) CancelMeetup(ctx context.Context, teamID, userID, meetupID, reason string, broadcast Broadcaster) (Meetup, error) {
	if !IsUUID(meetupID) {
		return Meetup{}, ErrNotFound
	}
	if k := cleanLine(&reason, maxCancelReason); k != "" {
		return Meetup{}, Invalid(FieldErrors{"reason": k})
	}
	var out Meetup
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		var before Meetup
		if err := tx.GetContext(ctx, &before, lockMeetupSQL, meetupID, teamID); err != nil {
			return err
		}
		if before.Stage == StageCancelled || before.Stage == StageDone {
			return fmt.Errorf("%w: meetup is %s", ErrConflict, before.Stage)
		}
		if err := tx.GetContext(ctx, &out, cancelMeetupSQL, meetupID, reason); err != nil {
			return err
		}
		if err := broadcast(ctx, tx, MeetupChange{Kind: ChangeCancel, Meetup: out, Before: before}); err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "meetup.cancel", meetupID, map[string]any{"reason": reason})
	})
	return out, err
}

// NoBroadcast is the Broadcaster while no mail engine is wired: it sends nothing and claims
// nothing was sent (the change itself is in the audit log).
func NoBroadcast(context.Context, *sqlx.Tx, MeetupChange) error { return nil }
