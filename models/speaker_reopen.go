package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// NoticeSlotReopened goes to a speaker still asked for a slot whose holder has just withdrawn:
// the slot is free again, and they may confirm it.
const NoticeSlotReopened = "speaker_slot_reopened"

// tellWithdrawn hands notify, for a confirmed speaker who has just withdrawn, the organiser's
// NoticeWithdrawn (naming who is asked again for the freed slot, and saying what became of the
// speaker's invitation inv), a NoticeSlotReopened for each other speaker still asked for the slot
// (they had been told it was taken), and the speaker's notice of inv when there is one.
func tellWithdrawn(ctx context.Context, tx *sqlx.Tx, notify NotifyFunc, teamID, meetupID, id string, inv *SpeakerInvitation) error {
	if notify == nil {
		return nil
	}
	n, err := notice(ctx, tx, NoticeWithdrawn, teamID, meetupID, id)
	if err != nil {
		return err
	}
	n.Invitation = inv
	reasked, err := reaskedFor(ctx, tx, n)
	if err != nil {
		return err
	}
	for _, r := range reasked {
		n.Reasked = append(n.Reasked, r.Candidate.Name)
	}
	if err := notify(ctx, tx, n); err != nil {
		return err
	}
	for _, r := range reasked {
		if err := notify(ctx, tx, r); err != nil {
			return err
		}
	}
	if inv == nil {
		return nil
	}
	n.Kind = inv.Kind // the same speaker and meetup: the withdrawal's SEQUENCE and lineup
	return notify(ctx, tx, n)
}

// reaskedFor returns a NoticeSlotReopened for each speaker still asked for the slot that the
// speaker of the withdrawal notice w held, in the order they were asked.
func reaskedFor(ctx context.Context, tx *sqlx.Tx, w SpeakerNotice) ([]SpeakerNotice, error) {
	if w.Slot == nil {
		return nil, nil
	}
	var ids []string
	if err := tx.SelectContext(ctx, &ids, askedForSlotSQL, w.Meetup.ID, w.Slot.ID, w.Candidate.ID); err != nil {
		return nil, mapErr(err)
	}
	out := make([]SpeakerNotice, 0, len(ids))
	for _, id := range ids {
		r, err := notice(ctx, tx, NoticeSlotReopened, w.TeamID, w.Meetup.ID, id)
		if err != nil {
			return nil, err
		}
		r.Cause = &w.Candidate
		out = append(out, r)
	}
	return out, nil
}

// slotFreedSQL: a speaker who had confirmed the slot withdrew after the candidate was asked for it.
const slotFreedSQL = `
SELECT EXISTS (SELECT 1 FROM candidates w, candidates c
    WHERE c.id = $1 AND w.lineup_slot_id = $2 AND w.id <> c.id AND w.status = 'withdrawn'
      AND w.declined_at >= c.invited_at)`

// slotReopened reports whether the speaker of v is asked for a slot nobody holds any more because
// the speaker who had confirmed it withdrew after they were asked.
func slotReopened(ctx context.Context, db sqlx.QueryerContext, v LinkView) (bool, error) {
	if v.Candidate.Status != CandidateInvited || v.Slot == nil || v.Slot.HeldBy != nil {
		return false, nil
	}
	var ok bool
	err := sqlx.GetContext(ctx, db, &ok, slotFreedSQL, v.Candidate.ID, v.Slot.ID)
	return ok, mapErr(err)
}
