package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// markMovedAnswersSQL keeps, on each answer about a slot that moves ($1), the time it was given
// for ($2, $3: the slot's time now, unless it was moved before); an answer given for the time the
// slot moves to ($4, $5) is about the slot's time again.
const markMovedAnswersSQL = `
UPDATE candidate_slots SET
    answered_starts_at = CASE WHEN answered_starts_at = $4 AND answered_ends_at = $5 THEN NULL
                              ELSE coalesce(answered_starts_at, $2) END,
    answered_ends_at   = CASE WHEN answered_starts_at = $4 AND answered_ends_at = $5 THEN NULL
                              ELSE coalesce(answered_ends_at, $3) END
WHERE slot_id = $1`

// markMovedHoldSQL keeps, on the hold of a slot that moves, the time its speaker confirmed it
// for, as markMovedAnswersSQL does for the answers.
const markMovedHoldSQL = `
UPDATE slot_holds SET
    confirmed_starts_at = CASE WHEN confirmed_starts_at = $4 AND confirmed_ends_at = $5 THEN NULL
                               ELSE coalesce(confirmed_starts_at, $2) END,
    confirmed_ends_at   = CASE WHEN confirmed_starts_at = $4 AND confirmed_ends_at = $5 THEN NULL
                               ELSE coalesce(confirmed_ends_at, $3) END
WHERE slot_id = $1`

// markMovedAnswers records that the answers about the slot from, and its confirmation, were given
// for its time before it moves to to.
func markMovedAnswers(ctx context.Context, tx *sqlx.Tx, from, to Slot) error {
	for _, q := range []string{markMovedAnswersSQL, markMovedHoldSQL} {
		if _, err := tx.ExecContext(ctx, q, from.ID, from.StartsAt, from.EndsAt, to.StartsAt, to.EndsAt); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// landedOnSQL finds the slot of the meetup ($1) at the times ($3, $4) a lineup slot ($2) moves to.
const landedOnSQL = `
SELECT id FROM speaker_slots WHERE meetup_id = $1 AND starts_at = $3 AND ends_at = $4 AND id <> $2 FOR UPDATE`

// takeAnswersSQL gives the slot a lineup slot lands on ($1) the answers about it to the lineup
// slot ($2): they are answers about exactly that time, so they win over one about its old time.
const takeAnswersSQL = `
INSERT INTO candidate_slots (candidate_id, slot_id, answered_starts_at, answered_ends_at)
SELECT candidate_id, $2, answered_starts_at, answered_ends_at FROM candidate_slots WHERE slot_id = $1
ON CONFLICT (candidate_id, slot_id) DO UPDATE SET
    answered_starts_at = CASE WHEN EXCLUDED.answered_starts_at IS NULL THEN NULL ELSE candidate_slots.answered_starts_at END,
    answered_ends_at   = CASE WHEN EXCLUDED.answered_starts_at IS NULL THEN NULL ELSE candidate_slots.answered_ends_at END`

const dropSlotSQL = `DELETE FROM speaker_slots WHERE id = $1`

// mergeSlot makes room for a lineup slot moving to to: an unchosen slot of the meetup at exactly
// those times is merged into it — the answers about it pass to the lineup slot (which keeps its
// id, held and offered as it is) and it is deleted. Nothing holds an unchosen slot, and nobody is
// asked for it; an old offer of it (to a speaker who declined or withdrew) is cleared, as when a
// slot is deleted, so that a withdrawal from it is not read as one from the lineup slot.
func mergeSlot(ctx context.Context, tx *sqlx.Tx, meetupID string, to Slot) error {
	var ids []string
	if err := tx.SelectContext(ctx, &ids, landedOnSQL, meetupID, to.ID, to.StartsAt, to.EndsAt); err != nil {
		return mapErr(err)
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, takeAnswersSQL, id, to.ID); err != nil {
			return mapErr(err)
		}
		if _, err := tx.ExecContext(ctx, dropSlotSQL, id); err != nil {
			return mapErr(err)
		}
	}
	return nil
}
