package models

import (
	"context"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"
)

// SlotMove is a chosen speaker told about a reschedule or a cancellation: the notice of their slot
// as it is now (for a confirmed speaker, with the SEQUENCE of their event raised) and when it was
// before (a cancellation moves no slot: the same times).
type SlotMove struct {
	Notice           SpeakerNotice
	WasStart, WasEnd time.Time
}

// lockSpeakerStepsSQL locks the row every change of steps 3–5 locks first (lockMeetupOpen), so a
// reschedule and a speaker's confirmation follow each other rather than cross. A meetup without
// the row has had no candidate, so no lineup to race with.
const lockSpeakerStepsSQL = `
SELECT ss.meetup_id FROM speaker_settings ss JOIN meetups m ON m.id = ss.meetup_id
WHERE ss.meetup_id = $1 AND m.team_id = $2 FOR UPDATE OF ss`

// lockSpeakerSteps locks the meetup's speaker steps for tx, whatever its stage; taken before the
// meetup's row, in the order the speaker steps take them.
func lockSpeakerSteps(ctx context.Context, tx sqlx.ExecerContext, teamID, meetupID string) error {
	_, err := tx.ExecContext(ctx, lockSpeakerStepsSQL, meetupID, teamID)
	return mapErr(err)
}

// lineupSlotsSQL lists the meetup's programme: the slots of its lineup, held by a confirmed
// speaker or offered to one still asked to confirm them.
const lineupSlotsSQL = `
SELECT sl.id, sl.starts_at, sl.ends_at FROM speaker_slots sl
WHERE sl.meetup_id = $1 AND ` + inLineupSQL + `
ORDER BY sl.starts_at, sl.ends_at
FOR UPDATE OF sl`

// inLineupSQL says that the slot sl is in its meetup's lineup.
const inLineupSQL = `(EXISTS (SELECT 1 FROM slot_holds h WHERE h.slot_id = sl.id)
    OR EXISTS (SELECT 1 FROM candidates c WHERE c.lineup_slot_id = sl.id AND c.status IN ('invited', 'confirmed')))`

const countLineupSlotsSQL = `
SELECT count(*) FROM speaker_slots sl JOIN meetups m ON m.id = sl.meetup_id
WHERE sl.meetup_id = $1 AND m.team_id = $2 AND ` + inLineupSQL

// LineupSlotCount says how many slots of a meetup of the team are in its lineup: the slots a new
// start of the meetup moves.
func (s *Store) LineupSlotCount(ctx context.Context, teamID, meetupID string) (int, error) {
	if !IsUUID(meetupID) {
		return 0, ErrNotFound
	}
	var n int
	err := s.DB.GetContext(ctx, &n, countLineupSlotsSQL, meetupID, teamID)
	return n, mapErr(err)
}

const shiftSlotSQL = `UPDATE speaker_slots SET starts_at = $2, ends_at = $3 WHERE id = $1`

// shiftSlots moves the slots of the meetup's lineup by d and returns them as they were, by id;
// the other candidate slots, and the answers about them, stay as they are. Slots are moved one
// by one, the farthest in the direction of the move first, so that no slot lands on the times of
// one not moved yet; one landing on an unchosen slot takes it over (mergeSlot).
func shiftSlots(ctx context.Context, tx *sqlx.Tx, meetupID string, d time.Duration) (map[string]Slot, error) {
	var slots []Slot
	if err := tx.SelectContext(ctx, &slots, lineupSlotsSQL, meetupID); err != nil {
		return nil, mapErr(err)
	}
	if d > 0 {
		slices.Reverse(slots)
	}
	was := make(map[string]Slot, len(slots))
	for _, sl := range slots {
		was[sl.ID] = sl
		if d == 0 { // a change of place alone: the slots and the answers about them stay
			continue
		}
		to := Slot{ID: sl.ID, StartsAt: sl.StartsAt.Add(d), EndsAt: sl.EndsAt.Add(d)}
		if err := markMovedAnswers(ctx, tx, sl, to); err != nil {
			return nil, err
		}
		if err := mergeSlot(ctx, tx, meetupID, to); err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, shiftSlotSQL, sl.ID, to.StartsAt, to.EndsAt); err != nil {
			return nil, mapErr(err)
		}
	}
	return was, nil
}

// slotSpeakersSQL finds the chosen speakers a reschedule or a cancellation concerns — the confirmed, and those
// asked to confirm a slot nobody else holds — and raises the SEQUENCE of the confirmed ones'
// events (the update's effect is seen by the statements after this one).
const slotSpeakersSQL = `
WITH told AS (
    SELECT c.id, c.status FROM candidates c
    WHERE c.meetup_id = $1 AND c.lineup_slot_id IS NOT NULL
      AND (c.status = 'confirmed' OR c.status = 'invited' AND NOT EXISTS (
          SELECT 1 FROM slot_holds h WHERE h.slot_id = c.lineup_slot_id AND h.candidate_id <> c.id))
    FOR UPDATE OF c
), bumped AS (
    UPDATE candidates c SET ical_sequence = c.ical_sequence + 1, updated_at = now()
    FROM told WHERE c.id = told.id AND told.status = 'confirmed'
)
SELECT id FROM told ORDER BY id`

// moveSpeakerSlots makes the meetup's programme follow a reschedule of m (as it was) to sc: a new
// start moves the slots of the lineup by as much (a new end alone moves none); the other
// candidate slots stay where they are. It returns the chosen speakers
// to tell, when their slot moved or the place changed.
func moveSpeakerSlots(ctx context.Context, tx *sqlx.Tx, m Meetup, sc schedule) ([]SlotMove, error) {
	if m.StartsAt == nil {
		return nil, nil
	}
	d := sc.Start.Sub(*m.StartsAt)
	placed := m.Location != sc.Location || m.OnlineURL != sc.OnlineURL
	if d == 0 && !placed {
		return nil, nil
	}
	was, err := shiftSlots(ctx, tx, m.ID, d)
	if err != nil {
		return nil, err
	}
	told, err := chosenSpeakers(ctx, tx, NoticeSlotUpdate, m)
	if err != nil {
		return nil, err
	}
	out := make([]SlotMove, 0, len(told))
	for _, n := range told {
		old := was[n.Slot.ID]
		out = append(out, SlotMove{Notice: n, WasStart: old.StartsAt, WasEnd: old.EndsAt})
	}
	return out, nil
}

// chosenSpeakers returns a notice of kind for each chosen speaker of m that a change of the meetup
// concerns (slotSpeakersSQL), with their slot, raising the SEQUENCE of the confirmed ones' events.
func chosenSpeakers(ctx context.Context, tx *sqlx.Tx, kind string, m Meetup) ([]SpeakerNotice, error) {
	all, err := candidateNotices(ctx, tx, slotSpeakersSQL, kind, m)
	out := all[:0]
	for _, n := range all {
		if n.Slot != nil {
			out = append(out, n)
		}
	}
	return out, err
}

// candidateNotices returns a notice of kind for each candidate of m whose id query ($1: the
// meetup) lists, in its order.
func candidateNotices(ctx context.Context, tx *sqlx.Tx, query, kind string, m Meetup) ([]SpeakerNotice, error) {
	var ids []string
	if err := tx.SelectContext(ctx, &ids, query, m.ID); err != nil {
		return nil, mapErr(err)
	}
	out := make([]SpeakerNotice, 0, len(ids))
	for _, id := range ids {
		n, err := notice(ctx, tx, kind, m.TeamID, m.ID, id)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}
