package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// Kinds of RSVP events someone must be told about.
const (
	EventWaitlisted = "waitlisted"
	EventPromoted   = "promoted"
	EventReminder   = "reminder"
)

// RSVPEvent is a change of someone's RSVP that they must be told about by mail.
type RSVPEvent struct {
	Kind     string
	MeetupID string
	PersonID string
	// Position is the waitlist place when Kind is EventWaitlisted.
	Position int
	// Key makes the event happen at most once, e.g. promoted:<meetup>:<person>:<waitlist seq>.
	Key string
	// Notice is what the event's mail says when the change read it already; nil otherwise.
	Notice *Notice
}

// Notifier tells someone about an event inside the transaction of the change, so the
// notice exists exactly when the change commits. The mail layer supplies one that renders
// the message and enqueues it in the outbox under ev.Key.
type Notifier func(ctx context.Context, tx *sqlx.Tx, ev RSVPEvent) error

const recordEventSQL = `
INSERT INTO rsvp_events (key, meetup_id, person_id, kind, position)
VALUES ($1, $2, $3, $4, NULLIF($5, 0))
ON CONFLICT (key) DO NOTHING`

// RecordEvent is the Notifier that keeps events in rsvp_events, once per key.
func RecordEvent(ctx context.Context, tx *sqlx.Tx, ev RSVPEvent) error {
	_, err := tx.ExecContext(ctx, recordEventSQL, ev.Key, ev.MeetupID, ev.PersonID, ev.Kind, ev.Position)
	return mapErr(err)
}

// RSVPEventRow is a recorded event.
type RSVPEventRow struct {
	Key      string `db:"key"`
	PersonID string `db:"person_id"`
	Kind     string `db:"kind"`
	Position *int   `db:"position"`
}

const listEventsSQL = `
SELECT key, person_id, kind, position FROM rsvp_events WHERE meetup_id = $1 ORDER BY id`

// RSVPEvents lists a meetup's recorded events, oldest first.
func (s *Store) RSVPEvents(ctx context.Context, meetupID string) ([]RSVPEventRow, error) {
	out := []RSVPEventRow{}
	err := s.DB.SelectContext(ctx, &out, listEventsSQL, meetupID)
	return out, mapErr(err)
}

// RecordEvents is RecordEvent with its statement prepared once for the store.
func (s *Store) RecordEvents() Notifier {
	return func(ctx context.Context, tx *sqlx.Tx, ev RSVPEvent) error {
		return txq{s, tx}.exec(ctx, recordEventSQL, ev.Key, ev.MeetupID, ev.PersonID, ev.Kind, ev.Position)
	}
}
