package models_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// reminderState reads one reminder's state.
func (f *fixture) reminderState(t *testing.T, minutes int) string {
	t.Helper()
	var st string
	if err := f.store.DB.Get(&st, `SELECT state FROM rsvp_reminders WHERE meetup_id = $1 AND minutes_before = $2`, f.meetup.ID, minutes); err != nil {
		t.Fatalf("reminder %d: %v", minutes, err)
	}
	return st
}

// reschedule moves the meetup's start to at, keeping the rest.
func (f *fixture) reschedule(t *testing.T, at time.Time, reminders *[]int) error {
	t.Helper()
	c := 10
	in := models.ScheduleInput{StartsAt: at.UTC().Format(time.RFC3339), Capacity: &c, Reminders: reminders}
	_, err := f.store.Schedule(context.Background(), f.team, "", f.meetup.ID, in, models.RecordEvent, models.NoBroadcast)
	return err
}

// TestReminderFiresOnceWithTwoDrainers: a due reminder goes once to yes and maybe however many
// drainers run; one found long past its moment is dropped; moving the meetup re-arms it.
func TestReminderFiresOnceWithTwoDrainers(t *testing.T) {
	f := newFixture(t, 3, 10, nil)
	if err := f.reschedule(t, time.Now().Add(2*time.Hour), &[]int{1440, 60}); err != nil {
		t.Fatal(err)
	}
	if st := f.reminderState(t, 1440); st != "dropped" {
		t.Fatalf("24 h reminder of a meetup 2 h away is %s, want dropped", st)
	}
	f.answer(t, f.people[0], models.RSVPYes, "")
	f.answer(t, f.people[1], models.RSVPMaybe, "")
	f.answer(t, f.people[2], models.RSVPNo, "")
	f.store.DB.MustExec(`UPDATE rsvp_reminders SET due_at = now() - interval '1 minute' WHERE minutes_before = 60`)
	var wg sync.WaitGroup
	deadline := time.Now().Add(20 * time.Second)
	for range 2 {
		wg.Go(func() {
			for f.reminderState(t, 60) == "pending" && time.Now().Before(deadline) {
				if _, _, err := f.store.FireDueReminders(context.Background(), models.RecordReminders); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	ev := f.events(t)[models.EventReminder]
	if f.reminderState(t, 60) != "fired" || len(ev) != 2 || ev[f.people[0]] != 1 || ev[f.people[1]] != 1 {
		t.Fatalf("state %s, reminded %v; want fired, once to the yes and the maybe", f.reminderState(t, 60), ev)
	}
	f.store.DB.MustExec(`UPDATE rsvp_reminders SET state = 'pending', due_at = now() - interval '3 hours' WHERE minutes_before = 1440`)
	if fired, dropped, err := f.store.FireDueReminders(context.Background(), models.RecordReminders); err != nil || fired != 0 || dropped != 1 {
		t.Fatalf("late reminder: fired %d dropped %d %v", fired, dropped, err)
	}
	if err := f.reschedule(t, time.Now().Add(3*time.Hour), nil); err != nil {
		t.Fatal(err)
	}
	if st := f.reminderState(t, 60); st != "pending" {
		t.Fatalf("after moving the meetup the 1 h reminder is %s, want pending again", st)
	}
	var ve *models.ValidationError
	if err := f.reschedule(t, time.Now().Add(3*time.Hour), &[]int{1}); !errors.As(err, &ve) || ve.Fields["reminders"] == "" {
		t.Fatalf("a reminder 1 minute before: %v", err)
	}
}
