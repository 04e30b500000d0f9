package models_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// editTiming changes the fixture meetup's timing through EditMeetup.
func (f *fixture) editTiming(t *testing.T, tm models.MeetupTiming) (models.Meetup, error) {
	t.Helper()
	e := models.MeetupEdit{MeetupPatch: models.MeetupPatch{MeetupTiming: tm}}
	return f.store.EditMeetup(context.Background(), f.team, "", f.meetup.ID, e, models.RecordEvent, models.NoBroadcast)
}

// TestChangedRemindersFireAtTheNewTimes: a new reminder plan replaces the armed rows at once
// (the old ones go, the new one is due at start − lead) and the new one fires at its moment,
// not before.
func TestChangedRemindersFireAtTheNewTimes(t *testing.T) {
	f := newFixture(t, 2, 10, nil)
	start := time.Now().Add(10*time.Minute + 6*time.Second).UTC().Truncate(time.Second)
	if err := f.reschedule(t, start, nil); err != nil {
		t.Fatal(err)
	}
	f.answer(t, f.people[0], models.RSVPYes, "")
	m, err := f.editTiming(t, models.MeetupTiming{ReminderMinutes: &[]int{10, 10, 2880}})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.ReminderMinutes) != 2 || m.ReminderMinutes[0] != 2880 || m.ReminderMinutes[1] != 10 {
		t.Fatalf("stored reminders %v, want [2880 10]", m.ReminderMinutes)
	}
	var rows []struct {
		Minutes int       `db:"minutes_before"`
		Due     time.Time `db:"due_at"`
		State   string    `db:"state"`
	}
	if err := f.store.DB.Select(&rows, `SELECT minutes_before, due_at, state FROM rsvp_reminders WHERE meetup_id = $1 ORDER BY minutes_before`, f.meetup.ID); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Minutes != 10 || rows[0].State != "pending" || !rows[0].Due.Equal(start.Add(-10*time.Minute)) ||
		rows[1].Minutes != 2880 || rows[1].State != "dropped" {
		t.Fatalf("armed reminders %+v; want 10 pending at start−10m, 2880 dropped, 60 and 1440 gone", rows)
	}
	if fired, _, err := f.store.FireDueReminders(context.Background(), models.RecordReminders); err != nil || fired != 0 {
		t.Fatalf("before its moment: fired %d, %v", fired, err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for f.reminderState(t, 10) == "pending" && time.Now().Before(deadline) {
		if _, _, err := f.store.FireDueReminders(context.Background(), models.RecordReminders); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if ev := f.events(t)[models.EventReminder]; f.reminderState(t, 10) != "fired" || ev[f.people[0]] != 1 {
		t.Fatalf("state %s, reminded %v; want the 10-minute reminder fired once to the yes", f.reminderState(t, 10), ev)
	}
}

// TestTimingRefusesBadValuesAndMovesTheClose: values out of range are field errors that change
// nothing; new open days move the close of a form already sent, also once celebrated (when
// nothing else may change).
func TestTimingRefusesBadValuesAndMovesTheClose(t *testing.T) {
	f := newFixture(t, 1, 10, nil)
	neg, many, big := -1, 0, 10081
	_, err := f.editTiming(t, models.MeetupTiming{FeedbackDelayMinutes: &neg, FeedbackOpenDays: &many, ReminderMinutes: &[]int{60, 1}})
	var ve *models.ValidationError
	if !errors.As(err, &ve) || ve.Fields["feedback_delay_minutes"] == "" || ve.Fields["feedback_open_days"] == "" || ve.Fields["reminder_minutes"] == "" {
		t.Fatalf("bad timing: %v", err)
	}
	if _, err := f.editTiming(t, models.MeetupTiming{FeedbackDelayMinutes: &big}); !errors.As(err, &ve) {
		t.Fatalf("a delay over a week: %v", err)
	}
	m, _ := f.store.GetMeetup(context.Background(), f.team, f.meetup.ID)
	if m.FeedbackDelayMinutes != 30 || m.FeedbackOpenDays != 14 || len(m.ReminderMinutes) != 2 {
		t.Fatalf("refused timing changed the meetup: %+v", m)
	}
	sent := time.Now().Add(-24 * time.Hour).UTC().Truncate(time.Second)
	f.store.DB.MustExec(`UPDATE meetups SET feedback_sent_at = $2, feedback_closes_at = $2::timestamptz + interval '14 days' WHERE id = $1`, f.meetup.ID, sent)
	three := 3
	if _, err := f.editTiming(t, models.MeetupTiming{FeedbackOpenDays: &three}); err != nil {
		t.Fatal(err)
	}
	var closes time.Time
	if err := f.store.DB.Get(&closes, `SELECT feedback_closes_at FROM meetups WHERE id = $1`, f.meetup.ID); err != nil || !closes.Equal(sent.Add(72*time.Hour)) {
		t.Fatalf("closes at %v (%v), want sent + 3 days %v", closes, err, sent.Add(72*time.Hour))
	}
	f.store.DB.MustExec(`UPDATE meetups SET stage = 'done' WHERE id = $1`, f.meetup.ID)
	week := 7
	if m, err := f.editTiming(t, models.MeetupTiming{FeedbackOpenDays: &week}); err != nil || m.FeedbackOpenDays != 7 {
		t.Fatalf("timing of a celebrated meetup: %+v %v", m, err)
	}
	title := "Renamed"
	e := models.MeetupEdit{MeetupPatch: models.MeetupPatch{Title: &title, MeetupTiming: models.MeetupTiming{FeedbackOpenDays: &week}}}
	if _, err := f.store.EditMeetup(context.Background(), f.team, "", f.meetup.ID, e, models.RecordEvent, models.NoBroadcast); !errors.Is(err, models.ErrConflict) {
		t.Fatalf("renaming a celebrated meetup: %v, want a conflict", err)
	}
}
