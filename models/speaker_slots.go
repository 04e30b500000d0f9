package models

import (
	"context"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

// Slot is a candidate time for a talk at a meetup.
type Slot struct {
	ID        string    `db:"id" json:"id"`
	MeetupID  string    `db:"meetup_id" json:"meetup_id"`
	StartsAt  time.Time `db:"starts_at" json:"starts_at"`
	EndsAt    time.Time `db:"ends_at" json:"ends_at"`
	HeldBy    *string   `db:"held_by" json:"held_by"`
	CreatedAt time.Time `db:"created_at" json:"-"`
}

// SlotInput is a slot as given: RFC 3339 times, or wall times in the meetup's zone.
type SlotInput struct {
	StartsAt string `json:"starts_at" form:"starts_at"`
	EndsAt   string `json:"ends_at" form:"ends_at"`
	Fold     string `json:"fold" form:"fold"`
}

// parse validates the input against the meetup's zone and duration.
func (in SlotInput) parse(m Meetup, now time.Time) (time.Time, time.Time, error) {
	loc, err := time.LoadLocation(m.Timezone)
	if err != nil {
		loc = time.UTC
	}
	fe := FieldErrors{}
	if in.Fold != "" && in.Fold != "earlier" && in.Fold != "later" {
		fe["fold"] = "invalid_fold"
	}
	start, msg := ParseSlotTime(in.StartsAt, loc, in.Fold)
	if in.StartsAt == "" {
		msg = "required"
	}
	if msg == "" && start.Before(now) {
		msg = "in_past"
	}
	if msg != "" {
		fe["starts_at"] = msg
	}
	end := start.Add(time.Duration(m.DurationMinutes) * time.Minute)
	if in.EndsAt != "" {
		if end, msg = ParseSlotTime(in.EndsAt, loc, in.Fold); msg != "" {
			fe["ends_at"] = msg
		}
	}
	if len(fe) == 0 && !end.After(start) {
		fe["ends_at"] = "before_start"
	} else if len(fe) == 0 && end.Sub(start) > 24*time.Hour {
		fe["ends_at"] = "slot_too_long"
	}
	return start, end, Invalid(fe)
}

const slotColumns = `sl.id, sl.meetup_id, sl.starts_at, sl.ends_at, sl.created_at,
    (SELECT h.candidate_id::text FROM slot_holds h WHERE h.slot_id = sl.id) AS held_by`

const addSlotSQL = `
WITH sl AS (
    INSERT INTO speaker_slots (meetup_id, starts_at, ends_at) VALUES ($1, $2, $3) RETURNING *
) SELECT sl.id, sl.meetup_id, sl.starts_at, sl.ends_at, sl.created_at, NULL::text AS held_by FROM sl`

// AddSlot validates and adds a candidate slot to a meetup of the team; the same slot twice is a field error.
func (s *Store) AddSlot(ctx context.Context, teamID, meetupID string, in SlotInput) (Slot, error) {
	m, err := s.GetMeetup(ctx, teamID, meetupID)
	if err != nil {
		return Slot{}, err
	}
	start, end, err := in.parse(m, time.Now())
	if err != nil {
		return Slot{}, err
	}
	var sl Slot
	err = s.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockMeetupOpen(ctx, tx, teamID, m.ID); err != nil {
			return err
		}
		return mapErr(tx.GetContext(ctx, &sl, addSlotSQL, m.ID, start, end))
	})
	if errors.Is(err, ErrConflict) && !errors.Is(err, ErrSpeakerStepsClosed) {
		return Slot{}, Invalid(FieldErrors{"starts_at": "slot_exists"})
	}
	return sl, err
}

const listSlotsSQL = `SELECT ` + slotColumns + ` FROM speaker_slots sl
JOIN meetups m ON m.id = sl.meetup_id
WHERE sl.meetup_id = $1 AND m.team_id = $2 ORDER BY sl.starts_at, sl.ends_at`

// ListSlots returns a meetup's slots in time order (none for another team's meetup).
func (s *Store) ListSlots(ctx context.Context, teamID, meetupID string) ([]Slot, error) {
	out := []Slot{}
	if !IsUUID(meetupID) {
		return out, nil
	}
	err := s.DB.SelectContext(ctx, &out, listSlotsSQL, meetupID, teamID)
	return out, mapErr(err)
}

const deleteSlotSQL = `
DELETE FROM speaker_slots sl USING meetups m
WHERE sl.id = $1 AND sl.meetup_id = $2 AND m.id = sl.meetup_id AND m.team_id = $3
  AND NOT EXISTS (SELECT 1 FROM slot_holds h WHERE h.slot_id = sl.id)
  AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.lineup_slot_id = sl.id AND c.status = 'invited')`

// DeleteSlot removes a slot nobody holds or is asked to confirm; otherwise ErrConflict.
func (s *Store) DeleteSlot(ctx context.Context, teamID, meetupID, slotID string) error {
	if !IsUUID(slotID) || !IsUUID(meetupID) {
		return ErrNotFound
	}
	n, err := s.deleteFreeSlot(ctx, teamID, meetupID, slotID)
	if err != nil || n == 1 {
		return err
	}
	if _, err := s.getSlot(ctx, teamID, meetupID, slotID); err != nil {
		return err
	}
	return ErrConflict
}

// deleteFreeSlot deletes the slot if nobody holds it or is asked for it, once the meetup is known
// to be open (ErrSpeakerStepsClosed otherwise); it returns the number of slots deleted.
func (s *Store) deleteFreeSlot(ctx context.Context, teamID, meetupID, slotID string) (int64, error) {
	var n int64
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockMeetupOpen(ctx, tx, teamID, meetupID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, deleteSlotSQL, slotID, meetupID, teamID)
		if err != nil {
			return mapErr(err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}

const getSlotSQL = `SELECT ` + slotColumns + ` FROM speaker_slots sl JOIN meetups m ON m.id = sl.meetup_id
WHERE sl.id = $1 AND sl.meetup_id = $2 AND m.team_id = $3`

// getSlot returns one slot of a meetup of the team.
func (s *Store) getSlot(ctx context.Context, teamID, meetupID, slotID string) (Slot, error) {
	var sl Slot
	err := s.DB.GetContext(ctx, &sl, getSlotSQL, slotID, meetupID, teamID)
	return sl, mapErr(err)
}
