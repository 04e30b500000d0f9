package models

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// MeetupChange is a change everyone invited must hear about: an update of time or place (with
// the meetup as it was) or a cancellation.
type MeetupChange struct {
	Kind    string // ChangeUpdate or ChangeCancel
	Meetup  Meetup // as it is now, SEQUENCE raised
	Before  Meetup // as it was
	Changes []string
	// Speakers are the chosen speakers to tell: an update's whose slot moved with the start or whose
	// place changed; a cancellation's, every confirmed one and every one still asked to confirm.
	Speakers []SlotMove
	// Candidates are, for a cancellation, the candidates of the brief to tell besides Speakers:
	// still silent, or who said yes or maybe and were not chosen (or lost their slot).
	Candidates []SpeakerNotice
}

// Kinds of MeetupChange.
const (
	ChangeUpdate = "update"
	ChangeCancel = "cancel"
)

// Broadcaster tells everyone invited about a change, inside the transaction of the change
// (the mail layer enqueues one update or cancellation per invitee with the new SEQUENCE, and
// an update or cancellation of their slot to each of the change's Speakers).
type Broadcaster func(ctx context.Context, tx *sqlx.Tx, ch MeetupChange) error

// maxCancelReason bounds the reason given for a cancellation, in characters.
const maxCancelReason = 1000

const cancelMeetupSQL = `
UPDATE meetups SET stage = 'cancelled', cancelled_stage = stage, cancel_reason = $2, ical_sequence = ical_sequence + 1, updated_at = now()
WHERE id = $1
RETURNING ` + meetupColumns

// CancelMeetup cancels a meetup of the team with a reason, raising its SEQUENCE, and tells
// everyone invited, every chosen speaker (the confirmed ones' events' SEQUENCE raised) and the
// candidates of the brief who have not said no through broadcast in the same transaction. Like a reschedule, it takes the speaker steps' lock before the
// meetup's row, so a speaker's confirmation comes wholly before or after it. Cancelling twice is
// ErrConflict.
func (s *Store) CancelMeetup(ctx context.Context, teamID, userID, meetupID, reason string, broadcast Broadcaster) (Meetup, error) {
	if !IsUUID(meetupID) {
		return Meetup{}, ErrNotFound
	}
	if k := cleanLine(&reason, maxCancelReason); k != "" {
		return Meetup{}, Invalid(FieldErrors{"reason": k})
	}
	var out Meetup
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockSpeakerSteps(ctx, tx, teamID, meetupID); err != nil {
			return err
		}
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
		ch := MeetupChange{Kind: ChangeCancel, Meetup: out, Before: before}
		var err error
		if ch.Candidates, err = briefCandidates(ctx, tx, out); err != nil {
			return err
		}
		if ch.Speakers, err = cancelledSpeakers(ctx, tx, out); err != nil {
			return err
		}
		if err := broadcast(ctx, tx, ch); err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "meetup.cancel", meetupID, map[string]any{"reason": reason})
	})
	return out, err
}

// cancelledSpeakers returns the chosen speakers of the cancelled meetup m to tell, each with
// their slot as it stands, raising the SEQUENCE of the confirmed ones' events.
func cancelledSpeakers(ctx context.Context, tx *sqlx.Tx, m Meetup) ([]SlotMove, error) {
	told, err := chosenSpeakers(ctx, tx, NoticeMeetupCancelled, m)
	out := make([]SlotMove, 0, len(told))
	for _, n := range told {
		out = append(out, SlotMove{Notice: n, WasStart: n.Slot.StartsAt, WasEnd: n.Slot.EndsAt})
	}
	return out, err
}

// NoBroadcast is the Broadcaster while no mail engine is wired: it sends nothing and claims
// nothing was sent (the change itself is in the audit log).
func NoBroadcast(context.Context, *sqlx.Tx, MeetupChange) error { return nil }
