package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// TestCancelTellsSpeakers: the organiser cancels a scheduled meetup on its schedule page with a
// reason. Ada (confirmed, English) gets a mail saying so, with the reason, carrying the CANCEL of
// her slot's event — the UID of her confirmation, a higher SEQUENCE (stored), STATUS:CANCELLED, a
// text/calendar part whose method= is CANCEL — as python3-icalendar reads it; Oleg the same in
// Russian; Zoe (still asked to confirm) a mail without a calendar saying nothing is needed of her.
// Their /c/ pages say the meetup is cancelled, with no form; a late confirmation is refused.
func TestCancelTellsSpeakers(t *testing.T) {
	e := newRescheduleEnv(t)
	mail := startMailDelivery(t, e.app)
	confirmed := map[string]string{"ada@example.com": e.ada, "oleg@example.com": e.oleg}
	for email := range confirmed {
		if inv := e.sentTo(t, models.NoticeConfirmed, email); len(inv) != 1 || pyRead(t, []byte(inv[0].ICS)).Events[0].Sequence != 1 {
			t.Fatalf("%s's confirmation: %+v", email, inv)
		}
	}

	c, _ := organiser(t, e.app)
	form := url.Values{"reason": {"The room is flooded"}, "confirm": {"yes"}}
	if res := formPost(t, c, "/meetups/"+e.m+"/cancel", c.Get(t, "/meetups/"+e.m+"/schedule").Body, form); res.Status != 303 {
		t.Fatalf("cancelling: %d %s", res.Status, res.Body)
	}

	ada := waitMail(t, mail, "ada@example.com", "“Lunch & learn: Go” is cancelled")
	spkCheckCancel(t, ada, e.ada, "ada@example.com", e.utc(t, "12:30"))
	mustContain(t, "Ada's mail", ada.Text, "your talk, ", "12:30–13:15", "Reason: The room is flooded", "removed from your calendar")
	if ada.ReplyTo != e.app.User.Email {
		t.Errorf("Ada's mail replies to %q, not the organiser", ada.ReplyTo)
	}
	oleg := waitMail(t, mail, "oleg@example.com", "Встреча «Lunch & learn: Go» отменена")
	spkCheckCancel(t, oleg, e.oleg, "oleg@example.com", e.utc(t, "13:15"))
	mustContain(t, "Oleg's mail", oleg.Text, "ваш доклад (", "Причина: The room is flooded", "удалено из вашего календаря")
	zoe := waitMail(t, mail, "zoe@example.com", "“Lunch & learn: Go” is cancelled")
	if zoe.ICS != "" || strings.Contains(strings.Join(zoe.Shape, ","), "calendar") {
		t.Errorf("Zoe, never confirmed, got a calendar: %v\n%s", zoe.Shape, zoe.ICS)
	}
	mustContain(t, "Zoe's mail", zoe.Text, "the slot we asked you to confirm", "Reason: The room is flooded", "You don't need to do anything")

	var seq int
	if err := e.app.Store.DB.Get(&seq, `SELECT ical_sequence FROM candidates WHERE id = $1`, e.ada); err != nil || seq != 2 {
		t.Errorf("Ada's stored SEQUENCE is %d (%v), want 2", seq, err)
	}
	for _, email := range []string{"ada@example.com", "oleg@example.com", "zoe@example.com"} {
		if n := len(e.sentTo(t, models.NoticeMeetupCancelled, email)); n != 1 {
			t.Errorf("%s has %d cancellation mails", email, n)
		}
	}
	spkCheckCancelledPages(t, e)
}

// spkCheckCancel checks a speaker's mail carries the CANCEL of their slot's event: the layout of
// an invitation, method= equal to METHOD, the confirmation's UID, SEQUENCE 2, STATUS:CANCELLED.
func spkCheckCancel(t *testing.T, m capturedMail, candidateID, email, startUTC string) {
	t.Helper()
	shape := strings.Join(m.Shape, ",")
	if m.ICSMethod != "CANCEL" || !strings.Contains(shape, "text/calendar") || !strings.Contains(shape, "application/ics") {
		t.Fatalf("%s's cancellation: method= %q, parts %s", email, m.ICSMethod, shape)
	}
	cal := pyRead(t, []byte(m.ICS))
	if cal.Method != "CANCEL" || len(cal.Events) != 1 {
		t.Fatalf("%s's cancellation: METHOD %q, %d events\n%s", email, cal.Method, len(cal.Events), m.ICS)
	}
	ev := cal.Events[0]
	if ev.UID != "speaker-"+candidateID+"@convene" || ev.Sequence != 2 || ev.Status != "CANCELLED" || ev.Start != startUTC ||
		len(ev.Attendees) != 1 || !strings.EqualFold(ev.Attendees[0].Value, "mailto:"+email) || ev.Organizer == nil {
		t.Errorf("%s's cancelled event: %+v\n%s", email, ev, m.ICS)
	}
}

// spkCheckCancelledPages checks the speakers' /c/ pages of the cancelled meetup: they say so, with
// the reason, in the speaker's language, and offer no form; a confirmation is refused.
func spkCheckCancelledPages(t *testing.T, e *rescheduleEnv) {
	t.Helper()
	pages := map[string][]string{
		e.ada:  {"This meetup is cancelled.", "The room is flooded", "sent the cancellation of your talk"},
		e.oleg: {"Эта встреча отменена.", "Причина", "The room is flooded"},
		e.zo:   {"This meetup is cancelled.", "The room is flooded", "nothing to confirm"},
	}
	for cand, want := range pages {
		res := e.app.Client().Get(t, spkLinkPath(t, e.app, e.m, cand, models.PurposeConfirm))
		wantPage(t, res, 200, want...)
		if strings.Contains(res.Body, "<form") || strings.Contains(res.Body, `id="confirm-yes"`) {
			t.Errorf("a /c/ page of the cancelled meetup offers a form:\n%s", res.Body)
		}
	}
	res := e.app.Client().PostForm(t, spkLinkPath(t, e.app, e.m, e.zo, models.PurposeConfirm), url.Values{"confirm": {"yes"}})
	if res.Status != 409 || !strings.Contains(res.Body, "This meetup is cancelled.") {
		t.Errorf("Zoe confirming after the cancellation: %d\n%s", res.Status, res.Body)
	}
	if n := len(e.sentTo(t, models.NoticeConfirmed, "zoe@example.com")); n != 0 {
		t.Errorf("Zoe got %d invites after the cancellation", n)
	}
}

// TestCancelUnscheduledTellsSpeakers: a meetup cancelled through the API before it was scheduled
// (nobody invited yet) still cancels its confirmed speakers' events and tells the one still asked.
func TestCancelUnscheduledTellsSpeakers(t *testing.T) {
	e := newLineupEnv(t)
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/cancel", map[string]any{"reason": "No budget"})
	ada := e.sentTo(t, models.NoticeMeetupCancelled, "ada@example.com")
	if len(ada) != 1 || ada[0].ICSMethod != "CANCEL" || !strings.Contains(ada[0].Text, "Reason: No budget") {
		t.Fatalf("Ada's cancellation: %+v", ada)
	}
	cal := pyRead(t, []byte(ada[0].ICS))
	if ev := cal.Events[0]; cal.Method != "CANCEL" || ev.UID != "speaker-"+e.ada+"@convene" || ev.Sequence != 2 || ev.Status != "CANCELLED" {
		t.Errorf("Ada's cancelled event (%s): %+v", cal.Method, ev)
	}
	zoe := e.sentTo(t, models.NoticeMeetupCancelled, "zoe@example.com")
	if len(zoe) != 1 || zoe[0].ICS != "" || !strings.Contains(zoe[0].Text, "You don't need to do anything") {
		t.Errorf("Zoe's mail: %+v", zoe)
	}
}
