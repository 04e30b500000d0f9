package models

import (
	"encoding/json"
	"fmt"
	"time"
)

// MovedAnswer is a candidate's "I can do it" given for a slot's time before a reschedule moved the
// slot (with the meetup's lineup): the slot, and the time the answer was about.
type MovedAnswer struct {
	SlotID   string    `json:"slot_id"`
	StartsAt time.Time `json:"starts_at"`
	EndsAt   time.Time `json:"ends_at"`
}

// MovedAnswers are a candidate's answers about slots that moved since, in the order of the times
// they were given for; read from a JSON array.
type MovedAnswers []MovedAnswer

// movedAnswersColumn reads a candidate's (c) moved answers as a JSON array.
const movedAnswersColumn = `coalesce((SELECT json_agg(json_build_object('slot_id', cs.slot_id,
        'starts_at', cs.answered_starts_at, 'ends_at', cs.answered_ends_at)
        ORDER BY cs.answered_starts_at, cs.answered_ends_at)
    FROM candidate_slots cs WHERE cs.candidate_id = c.id AND cs.answered_starts_at IS NOT NULL), '[]') AS moved_answers`

// confirmedForColumn reads, as a JSON object, the time a candidate (c) confirmed the slot they
// hold for, when a reschedule has moved the slot since; NULL otherwise.
const confirmedForColumn = `(SELECT json_build_object('slot_id', h.slot_id, 'starts_at', h.confirmed_starts_at,
        'ends_at', h.confirmed_ends_at)
    FROM slot_holds h WHERE h.candidate_id = c.id AND h.confirmed_starts_at IS NOT NULL) AS confirmed_for`

// Scan reads a JSON object the database gives.
func (m *MovedAnswer) Scan(src any) error {
	raw, err := jsonBytes(src)
	if err == nil {
		err = json.Unmarshal(raw, m)
	}
	return err
}

// jsonBytes is the JSON text the database gives as bytes or a string.
func jsonBytes(src any) ([]byte, error) {
	switch v := src.(type) {
	case []byte:
		return v, nil
	case string:
		return []byte(v), nil
	}
	return nil, fmt.Errorf("moved answers: cannot scan %T", src)
}

// Scan reads the JSON array the database gives.
func (m *MovedAnswers) Scan(src any) error {
	raw, err := jsonBytes(src)
	if err != nil {
		return err
	}
	out := MovedAnswers{}
	if err := json.Unmarshal(raw, &out); err != nil {
		return fmt.Errorf("moved answers: %w", err)
	}
	*m = out
	return nil
}
