package models

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Changes a reschedule can make that invitees must hear about.
const (
	ChangeTime   = "time"
	ChangePlace  = "place"
	ChangeOnline = "online_url"
)

// Scheduled is a meetup after scheduling and what changed for those already invited.
type Scheduled struct {
	Meetup   Meetup     `json:"meetup"`
	Changes  []string   `json:"changes"`
	Speakers []SlotMove `json:"-"` // the chosen speakers whose slot moved or whose place changed
}

const lockMeetupSQL = `SELECT ` + meetupColumns + ` FROM meetups WHERE id = $1 AND team_id = $2 FOR UPDATE`

const scheduleSQL = `
UPDATE meetups SET starts_at = $2, ends_at = $3, location = $4, online_url = $5, capacity = $6,
    remote_capacity = $7, ical_sequence = ical_sequence + $8, updated_at = now(),
    stage = CASE WHEN stage IN ('done', 'cancelled', 'scheduled') THEN stage ELSE 'scheduled' END
WHERE id = $1
RETURNING ` + meetupColumns

// Schedule sets a meetup's time, place and capacity and moves it to the scheduled stage.
// A material change of an already scheduled meetup raises its iCalendar SEQUENCE and is
// broadcast to everyone invited; the seats follow the capacity, promoting from the waitlist
// when it grows.
func (s *Store) Schedule(ctx context.Context, teamID, userID, meetupID string, in ScheduleInput, notify Notifier, broadcast Broadcaster) (Scheduled, error) {
	if !IsUUID(meetupID) {
		return Scheduled{}, ErrNotFound
	}
	out, err := s.scheduleTx(ctx, teamID, userID, meetupID, in, notify, broadcast)
	if retryable(err) { // lowering the capacity under someone freeing a seat above it
		time.Sleep(retryPause)
		out, err = s.scheduleTx(ctx, teamID, userID, meetupID, in, notify, broadcast)
	}
	return out, err
}

// scheduleTx is one try of Schedule's transaction.
func (s *Store) scheduleTx(ctx context.Context, teamID, userID, meetupID string, in ScheduleInput, notify Notifier, broadcast Broadcaster) (Scheduled, error) {
	var out Scheduled
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockSpeakerSteps(ctx, tx, teamID, meetupID); err != nil {
			return err
		}
		var m Meetup
		if err := tx.GetContext(ctx, &m, lockMeetupSQL, meetupID, teamID); err != nil {
			return err
		}
		if m.Stage == StageCancelled || m.Stage == StageDone {
			return fmt.Errorf("%w: meetup is %s", ErrConflict, m.Stage)
		}
		sc, err := in.check(m)
		if err != nil {
			return err
		}
		if out, err = applySchedule(ctx, txq{s, tx}, m, sc, notify); err != nil {
			return err
		}
		if len(out.Changes) > 0 {
			ch := MeetupChange{Kind: ChangeUpdate, Meetup: out.Meetup, Before: m, Changes: out.Changes, Speakers: out.Speakers}
			if err := broadcast(ctx, tx, ch); err != nil {
				return err
			}
		}
		return Audit(ctx, tx, teamID, userID, "meetup.schedule", meetupID, map[string]any{
			"starts_at": sc.Start, "ends_at": sc.End, "capacity": sc.Capacity, "changes": out.Changes})
	})
	if err != nil {
		return Scheduled{}, err
	}
	return out, nil
}

// applySchedule writes the schedule and makes the seats and the speakers' slots follow it.
func applySchedule(ctx context.Context, q txq, m Meetup, sc schedule, notify Notifier) (Scheduled, error) {
	changes := scheduleChanges(m, sc)
	bump := 0
	if len(changes) > 0 {
		bump = 1
	}
	var out Scheduled
	err := q.tx.GetContext(ctx, &out.Meetup, scheduleSQL, m.ID, sc.Start, sc.End, sc.Location, sc.OnlineURL,
		sc.Capacity, sc.RemoteCapacity, bump)
	if err != nil {
		return out, mapErr(err)
	}
	out.Changes = changes
	if out.Speakers, err = moveSpeakerSlots(ctx, q.tx, m, sc); err != nil {
		return out, err
	}
	if err := setSeats(ctx, q, m.ID, ModeInPerson, &sc.Capacity, notify); err != nil {
		return out, err
	}
	if err := setSeats(ctx, q, m.ID, ModeRemote, sc.RemoteCapacity, notify); err != nil {
		return out, err
	}
	return out, armReminders(ctx, q.tx, m.ID, sc.Reminders)
}

// scheduleChanges lists what changed for people who already have the invitation: nothing
// for a first scheduling.
func scheduleChanges(m Meetup, sc schedule) []string {
	ch := []string{}
	if m.StartsAt == nil {
		return ch
	}
	if !sameTime(m.StartsAt, sc.Start) || !sameTime(m.EndsAt, sc.End) {
		ch = append(ch, ChangeTime)
	}
	if m.Location != sc.Location {
		ch = append(ch, ChangePlace)
	}
	if m.OnlineURL != sc.OnlineURL {
		ch = append(ch, ChangeOnline)
	}
	return ch
}

// sameTime compares a stored time with a new one.
func sameTime(a *time.Time, b time.Time) bool { return a != nil && a.Equal(b) }
