package models

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// DefaultReminders are the minutes before the start a meetup reminds its yes and maybe: 24 h, 1 h.
func DefaultReminders() []int { return []int{1440, 60} }

// DueReminder is a reminder whose moment has come.
type DueReminder struct {
	MeetupID      string    `db:"meetup_id"`
	MinutesBefore int       `db:"minutes_before"`
	DueAt         time.Time `db:"due_at"`
	StartsAt      time.Time `db:"starts_at"`
	Late          bool      `db:"late"`
}

// Key is the reminder's idempotency key for one person.
func (r DueReminder) Key(personID string) string {
	return fmt.Sprintf("reminder:%s:%s:%d:%d", r.MeetupID, personID, r.MinutesBefore, r.DueAt.Unix())
}

// ReminderFirer sends a due reminder to the meetup's yes and maybe, inside the transaction that
// marks it fired (the mail layer enqueues one mail each, expiring at the start).
type ReminderFirer func(ctx context.Context, tx *sqlx.Tx, r DueReminder) error

const armRemindersSQL = `
WITH want AS (
    SELECT DISTINCT unnest(COALESCE($2::int[], (SELECT reminder_minutes FROM meetups WHERE id = $1))) AS minutes_before
), gone AS (
    DELETE FROM rsvp_reminders WHERE meetup_id = $1 AND minutes_before NOT IN (SELECT minutes_before FROM want)
), m AS (
    UPDATE meetups SET reminder_minutes = COALESCE($2::int[], reminder_minutes) WHERE id = $1 RETURNING starts_at
)
INSERT INTO rsvp_reminders (meetup_id, minutes_before, due_at, state)
SELECT $1, w.minutes_before, m.starts_at - make_interval(mins => w.minutes_before),
    CASE WHEN m.starts_at - make_interval(mins => w.minutes_before) <= now() THEN 'dropped' ELSE 'pending' END
FROM want w, m
ON CONFLICT (meetup_id, minutes_before) DO UPDATE SET due_at = EXCLUDED.due_at, state = EXCLUDED.state, done_at = NULL
WHERE rsvp_reminders.due_at <> EXCLUDED.due_at`

// armReminders sets a meetup's reminders (minutes before; nil keeps the meetup's) for its (new)
// start: one whose moment already passed is dropped, one whose moment moved is armed again, one
// unchanged keeps its state.
func armReminders(ctx context.Context, tx *sqlx.Tx, meetupID string, minutes *[]int) error {
	var arr any
	if minutes != nil {
		arr = intArray(*minutes)
	}
	_, err := tx.ExecContext(ctx, armRemindersSQL, meetupID, arr)
	return mapErr(err)
}

// intArray adapts a Go slice for an integer[] parameter.
func intArray(v []int) pq.Int64Array {
	out := make(pq.Int64Array, len(v))
	for i, n := range v {
		out[i] = int64(n)
	}
	return out
}

const meetupRemindersSQL = `SELECT reminder_minutes FROM meetups WHERE id = $1`

// MeetupReminders lists a meetup's reminders, in minutes before the start.
func (s *Store) MeetupReminders(ctx context.Context, meetupID string) ([]int, error) {
	var arr pq.Int64Array
	if err := s.DB.GetContext(ctx, &arr, meetupRemindersSQL, meetupID); err != nil {
		return nil, mapErr(err)
	}
	out := make([]int, len(arr))
	for i, n := range arr {
		out[i] = int(n)
	}
	return out, nil
}

const dueRemindersSQL = `
SELECT r.meetup_id, r.minutes_before, r.due_at, m.starts_at,
    now() > r.due_at + LEAST(interval '30 minutes', make_interval(secs => r.minutes_before * 6))
        OR now() >= m.starts_at OR m.stage <> 'scheduled' AS late
FROM rsvp_reminders r JOIN meetups m ON m.id = r.meetup_id
WHERE r.state = 'pending' AND r.due_at <= now()
ORDER BY r.due_at LIMIT 20
FOR UPDATE OF r SKIP LOCKED`

const doneReminderSQL = `
UPDATE rsvp_reminders SET state = $3, done_at = now() WHERE meetup_id = $1 AND minutes_before = $2`

// FireDueReminders fires the reminders due by the database's clock, each exactly once however
// many replicas run it (SKIP LOCKED; marked in the transaction that sends). A reminder found
// past its moment (by a tenth of its lead, at most 30 minutes, or after the start, or of a
// meetup no longer scheduled) is dropped, not sent late. It returns how many fired and dropped.
func (s *Store) FireDueReminders(ctx context.Context, fire ReminderFirer) (fired, dropped int, err error) {
	err = s.InTx(ctx, func(tx *sqlx.Tx) error {
		var due []DueReminder
		if err := tx.SelectContext(ctx, &due, dueRemindersSQL); err != nil {
			return err
		}
		for _, r := range due {
			state := "dropped"
			if !r.Late {
				if err := fire(ctx, tx, r); err != nil {
					return err
				}
				state = "fired"
			}
			if _, err := tx.ExecContext(ctx, doneReminderSQL, r.MeetupID, r.MinutesBefore, state); err != nil {
				return err
			}
			if r.Late {
				dropped++
			} else {
				fired++
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	return fired, dropped, nil
}

const recordRemindersSQL = `
INSERT INTO rsvp_events (key, meetup_id, person_id, kind)
SELECT format('reminder:%s:%s:%s:%s', meetup_id, person_id, $2::int, $3::bigint), meetup_id, person_id, 'reminder'
FROM rsvps WHERE meetup_id = $1 AND status IN ('yes', 'maybe')
ON CONFLICT (key) DO NOTHING`

// RecordReminders is the ReminderFirer while no mail engine is wired: it records one event per
// person to remind (yes and maybe), under the key the mail will use.
func RecordReminders(ctx context.Context, tx *sqlx.Tx, r DueReminder) error {
	_, err := tx.ExecContext(ctx, recordRemindersSQL, r.MeetupID, r.MinutesBefore, r.DueAt.Unix())
	return mapErr(err)
}

const remindedPeopleSQL = `
SELECT p.id, p.email, p.name, p.language, p.timezone, r.status
FROM rsvps r JOIN people p ON p.id = r.person_id
WHERE r.meetup_id = $1 AND r.status IN ('yes', 'maybe')
ORDER BY p.email`

// RemindedPeople lists those a meetup's reminder goes to (yes and maybe), read through db.
func RemindedPeople(ctx context.Context, db sqlx.QueryerContext, meetupID string) ([]InvitedPerson, error) {
	out := []InvitedPerson{}
	err := sqlx.SelectContext(ctx, db, &out, remindedPeopleSQL, meetupID)
	return out, mapErr(err)
}
