package models

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// Refusals of the speaker steps; each is an ErrConflict, so a handler that knows no better answers 409.
var (
	// ErrSpeakerStepsClosed means the meetup is cancelled or done.
	ErrSpeakerStepsClosed = fmt.Errorf("%w: meetup closed", ErrConflict)
	// ErrSpeakersCancelled is the ErrSpeakerStepsClosed of a cancelled meetup; it is also an ErrMeetupCancelled.
	ErrSpeakersCancelled = fmt.Errorf("%w: %w", ErrSpeakerStepsClosed, ErrMeetupCancelled)
	// ErrSlotTaken means another speaker holds the slot.
	ErrSlotTaken = fmt.Errorf("%w: slot taken", ErrConflict)
	// ErrReplyClosed means the speaker's answer can no longer change (the lineup is fixed).
	ErrReplyClosed = fmt.Errorf("%w: reply closed", ErrConflict)
	// ErrNotInvited means the candidate has no slot to confirm (never invited, or declined).
	ErrNotInvited = fmt.Errorf("%w: not invited", ErrConflict)
)

// isNotFound reports whether err is ErrNotFound.
func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

const advanceStageSQL = `
UPDATE meetups SET updated_at = now(),
    stage = CASE WHEN $2::text = 'confirmation' AND starts_at IS NOT NULL THEN 'scheduled' ELSE $2::text END
WHERE id = $1 AND array_position($3::text[], stage) < array_position($3::text[], $2::text)`

// advanceStage moves a meetup forward to stage; it never moves one back, nor a cancelled one. A
// meetup that has its time already (stepped back after a withdrawal: stepBack) goes from the
// lineup straight back to scheduled, as a meetup scheduled before its lineup stays there.
func advanceStage(ctx context.Context, tx sqlx.ExecerContext, meetupID, stage string) error {
	_, err := tx.ExecContext(ctx, advanceStageSQL, meetupID, stage, stringArray(Stages))
	return mapErr(err)
}

// lineupStateSQL: every chosen speaker has confirmed (none still asked for a slot nobody else
// holds: one asked for a slot another confirmed first waits for nothing) and at least one has.
const lineupStateSQL = `
SELECT EXISTS (SELECT 1 FROM candidates WHERE meetup_id = $1 AND status = 'confirmed')
   AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.meetup_id = $1 AND c.status = 'invited'
       AND NOT EXISTS (SELECT 1 FROM slot_holds h WHERE h.slot_id = c.lineup_slot_id AND h.candidate_id <> c.id))`

// lineupReady reports whether the meetup's lineup is confirmed.
func lineupReady(ctx context.Context, db sqlx.QueryerContext, meetupID string) (bool, error) {
	var ok bool
	err := sqlx.GetContext(ctx, db, &ok, lineupStateSQL, meetupID)
	return ok, mapErr(err)
}

// SpeakerNotice kinds: the mail each change of steps 3–5 causes.
const (
	NoticeBrief          = "speaker_brief"      // to a candidate: the brief with the /o/ link
	NoticeFollowUp       = "speaker_follow_up"  // to a silent candidate: the one reminder
	NoticeConfirmRequest = "speaker_confirm"    // to a chosen speaker: the /c/ link for their slot
	NoticeConfirmed      = "speaker_invite"     // to a confirmed speaker: the calendar invite (REQUEST)
	NoticeDeclined       = "speaker_declined"   // to the organiser: a chosen speaker declined
	NoticeWithdrawn      = "speaker_withdrawn"  // to the organiser: a confirmed speaker withdrew
	NoticeLineupReady    = "lineup_ready"       // to the organiser: every chosen speaker confirmed
	NoticeSlotUpdate     = "speaker_update"     // to a chosen speaker: their slot moved with a reschedule (a confirmed one's event: REQUEST)
	NoticeSlotTaken      = "speaker_slot_taken" // to a speaker asked for a slot: another speaker confirmed it first
	// NoticeMeetupCancelled goes to a chosen speaker: the meetup is cancelled (a confirmed one's event: CANCEL).
	NoticeMeetupCancelled = "speaker_meetup_cancelled"
)

// SpeakerNotice is what a change hands to the mail layer, inside its transaction.
type SpeakerNotice struct {
	Kind      string
	TeamID    string
	Meetup    Meetup
	Candidate Candidate
	Slot      *Slot
	Slots     []Slot
	Lineup    []LineupSpeaker // the confirmed speakers (NoticeLineupReady)
	Reasked   []string        // NoticeWithdrawn: the names of the speakers still asked for the freed slot
	Cause     *Candidate      // NoticeSlotReopened: the speaker who withdrew from the slot
	// Invitation is, for NoticeWithdrawn, NoticeStillInvited and NoticeUninvited, what the
	// withdrawal did to the speaker's own invitation to the meetup; nil for nothing.
	Invitation *SpeakerInvitation
}

// NotifyFunc enqueues the mail of a notice in tx, the transaction of the change that caused it.
type NotifyFunc func(ctx context.Context, tx sqlx.ExtContext, n SpeakerNotice) error

// notice builds a notice for a candidate of a meetup, reading both through tx.
func notice(ctx context.Context, tx sqlx.QueryerContext, kind, teamID, meetupID, candidateID string) (SpeakerNotice, error) {
	n := SpeakerNotice{Kind: kind, TeamID: teamID}
	if err := sqlx.GetContext(ctx, tx, &n.Meetup, getMeetupSQL, meetupID, teamID); err != nil {
		return n, mapErr(err)
	}
	c, err := getCandidate(ctx, tx, teamID, meetupID, candidateID)
	if err != nil {
		return n, err
	}
	n.Candidate = c
	n.Slots = []Slot{}
	err = sqlx.SelectContext(ctx, tx, &n.Slots, listSlotsSQL, meetupID, teamID)
	for i := range n.Slots {
		if c.LineupSlotID != nil && n.Slots[i].ID == *c.LineupSlotID {
			n.Slot = &n.Slots[i]
		}
	}
	return n, mapErr(err)
}

// send builds the notice and hands it to notify (a nil notify sends nothing).
func send(ctx context.Context, tx sqlx.ExtContext, notify NotifyFunc, kind, teamID, meetupID, candidateID string) error {
	if notify == nil {
		return nil
	}
	n, err := notice(ctx, tx, kind, teamID, meetupID, candidateID)
	if err != nil {
		return err
	}
	return notify(ctx, tx, n)
}

// Recipient is someone a mail goes to.
type Recipient struct {
	Email string `db:"email"`
	Name  string `db:"name"`
	Lang  string `db:"lang"`
}
