package handlers_test

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/convene/convene/internal/smtptest"
	"github.com/convene/convene/models"
)

// deliver runs one outbox pool against srv until it holds n messages.
func deliver(t *testing.T, store *models.Store, srv *smtptest.Server, n int) {
	t.Helper()
	defer runPool(t, store, srv)()
	srv.WaitCount(t, n, 20*time.Second)
}

// fireTwice runs two reminder drainers at once until the 1 h reminder is no longer pending.
func fireTwice(t *testing.T, e *rsvpEnv) {
	t.Helper()
	state := func() (st string) {
		_ = e.app.Store.DB.Get(&st, `SELECT state FROM rsvp_reminders WHERE meetup_id = $1 AND minutes_before = 60`, e.meetup.ID)
		return st
	}
	var wg sync.WaitGroup
	deadline := time.Now().Add(20 * time.Second)
	for range 2 {
		wg.Go(func() {
			for state() == "pending" && time.Now().Before(deadline) {
				if _, _, err := e.app.Store.FireDueReminders(context.Background(), e.app.H.ReminderMail); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if st := state(); st != "fired" {
		t.Fatalf("1 h reminder is %s, want fired", st)
	}
}

// TestReminderMailGoesOnceToYesAndMaybe: a due reminder, drained by two firers at once, mails
// the yes and the maybe once each, in their language and time zone, with the place, the online
// link, the RSVP link and the calendar link, expiring at the start.
func TestReminderMailGoesOnceToYesAndMaybe(t *testing.T) {
	e := newRSVPEnv(t, 3, 10)
	c := e.app.Client()
	for i, a := range []string{"yes", "maybe", "no"} {
		if res := c.PostForm(t, "/r/"+e.links[i], url.Values{"answer": {a}, "mode": {"in_person"}}); res.Status != 200 {
			t.Fatalf("answer %s: %d", a, res.Status)
		}
	}
	e.app.Store.DB.MustExec(`UPDATE rsvp_reminders SET due_at = now() - interval '1 minute' WHERE meetup_id = $1 AND minutes_before = 60`, e.meetup.ID)
	fireTwice(t, e)
	if _, _, err := e.app.Store.FireDueReminders(context.Background(), e.app.H.ReminderMail); err != nil {
		t.Fatal(err)
	}
	var late int
	if err := e.app.Store.DB.Get(&late, `SELECT count(*) FROM outbox o JOIN meetups m ON m.id = o.meetup_id
		WHERE o.kind = 'reminder' AND o.expires_at IS DISTINCT FROM m.starts_at`); err != nil || late != 0 {
		t.Fatalf("reminders not expiring at the start: %d %v", late, err)
	}
	srv := smtptest.Start(t)
	deliver(t, e.app.Store, srv, 2)
	time.Sleep(200 * time.Millisecond) // a third would have arrived by now
	msgs := srv.Messages()
	if len(msgs) != 2 || msgs[0].To[0] == msgs[1].To[0] {
		t.Fatalf("reminders delivered: %d", len(msgs))
	}
	var m models.Meetup
	if err := e.app.Store.DB.Get(&m, `SELECT starts_at FROM meetups WHERE id = $1`, e.meetup.ID); err != nil {
		t.Fatal(err)
	}
	for _, msg := range msgs {
		checkReminder(t, e, msg, *m.StartsAt)
	}
}

// checkReminder checks one delivered reminder against its recipient.
func checkReminder(t *testing.T, e *rsvpEnv, msg smtptest.Message, start time.Time) {
	t.Helper()
	m := parseCaptured(t, msg.Raw)
	subject, text := m.Subject, m.Text
	want := map[string]struct{ subject, zone, token string }{
		"p0@example.com": {"Reminder: Lunch & learn: Go", "Europe/Berlin", e.links[0]},
		"p1@example.com": {"Напоминание: Lunch & learn: Go", "Asia/Yekaterinburg", e.links[1]},
	}[msg.To[0]]
	if want.subject == "" {
		t.Fatalf("reminder to %s, who did not say yes or maybe", msg.To[0])
	}
	local := start.In(mustZone(t, want.zone)).Format("15:04")
	for _, s := range []string{local, "Room 1", "https://meet.example.com/go", "/r/" + want.token, "/r/" + want.token + "/invite.ics"} {
		if !strings.Contains(text, s) || !strings.Contains(m.HTML, s) {
			t.Errorf("%s: reminder lacks %q:\n%s", msg.To[0], s, text)
		}
	}
	if !strings.HasPrefix(subject, want.subject) || m.ICS != "" {
		t.Errorf("%s: subject %q, calendar part %q", msg.To[0], subject, m.ICS)
	}
}
