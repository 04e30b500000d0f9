package handlers_test

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/smtptest"
	"github.com/convene/convene/models"
)

// calMail is one delivered mail to a person with a calendar part, as python3-icalendar reads it.
type calMail struct {
	Subject, From string // From: the header's address
	Method        string // METHOD, equal to the part's method=
	UID           string
	Sequence      int
	Organizer     string // the ORGANIZER's value, mailto:…
}

// calendarMails waits until the outbox has delivered everything, then returns every mail to email
// the SMTP server received with a calendar part (checked with the independent parser), and the
// subjects of those without one.
func calendarMails(t *testing.T, e *withdrawEnv, email string) (cals []calMail, bare []string) {
	t.Helper()
	waitOutboxSent(t, e)
	for _, m := range e.mail.Messages() {
		if len(m.To) == 0 || !strings.EqualFold(m.To[0], email) {
			continue
		}
		cm := parseCaptured(t, m.Raw)
		if cm.ICS == "" {
			bare = append(bare, cm.Subject)
			continue
		}
		cal := pyRead(t, []byte(cm.ICS))
		if cal.Method != cm.ICSMethod || len(cal.Events) != 1 || cal.Events[0].Organizer == nil {
			t.Fatalf("%s: METHOD %q in a method=%q part, %d events\n%s", cm.Subject, cal.Method, cm.ICSMethod, len(cal.Events), cm.ICS)
		}
		ev := cal.Events[0]
		cals = append(cals, calMail{Subject: cm.Subject, From: headerFrom(t, m), Method: cal.Method, UID: ev.UID,
			Sequence: ev.Sequence, Organizer: ev.Organizer.Value})
	}
	return cals, bare
}

// headerFrom is the address of a delivered mail's From header.
func headerFrom(t *testing.T, m smtptest.Message) string {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(m.Raw))
	if err != nil {
		t.Fatal(err)
	}
	a, err := mail.ParseAddress(msg.Header.Get("From"))
	if err != nil {
		t.Fatalf("From %q: %v", msg.Header.Get("From"), err)
	}
	return a.Address
}

// waitOutboxSent waits (up to 30 s) until every mail of the env's outbox is delivered.
func waitOutboxSent(t *testing.T, e *withdrawEnv) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		var n int
		if err := e.app.Store.DB.Get(&n, `SELECT count(*) FROM outbox WHERE status <> 'sent'`); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d mails not delivered", n)
		}
	}
}

// eventHistory is what a person's calendar made of their calendar mails: per UID, the methods
// with their SEQUENCE, in the order of the SEQUENCE, as a calendar applies them whatever the order
// the workers delivered them in ("REQUEST 1,REQUEST 2,CANCEL 3").
func eventHistory(cals []calMail) map[string]string {
	slices.SortStableFunc(cals, func(a, b calMail) int { return cmp.Compare(a.Sequence, b.Sequence) })
	out := map[string]string{}
	for _, c := range cals {
		if out[c.UID] != "" {
			out[c.UID] += ","
		}
		out[c.UID] += fmt.Sprintf("%s %d", c.Method, c.Sequence)
	}
	return out
}

// TestConfirmedSpeakerHasOneEventPerMeetup: Ada (staff, in the meetup's audience) and Oleg (a
// guest from outside the directory) confirmed their talks; the invitations go out, the meetup's
// start moves, then its end alone, then it is cancelled. Each speaker's calendar, as the mails
// they received say it (every calendar part read by python3-icalendar), has one event of the
// meetup: their talk's — REQUEST 1 (confirmed), REQUEST 2 (the start moved), CANCEL 3 — and never
// the meetup's own UID. Their invitation says their talk is in their calendar, with the RSVP
// buttons and no "add to calendar" link; the new end reaches them without a calendar. Every
// calendar mail of theirs has its ORGANIZER at the From address. Amy, of the audience, gets the
// meetup's own event: REQUEST 0, 1, 2 and CANCEL 3. Before, each speaker's invitation carried
// the meetup's REQUEST (a second event), the reschedule and the cancel reached them twice, and
// their talk's events had the organiser's own address as ORGANIZER.
func TestConfirmedSpeakerHasOneEventPerMeetup(t *testing.T) {
	t.Parallel()
	e := newWithdrawEnv(t, 20)
	var uid string
	if err := e.app.Store.DB.Get(&uid, `SELECT ical_uid FROM meetups WHERE id = $1`, e.m); err != nil {
		t.Fatal(err)
	}
	inv := e.sentTo(t, "invite", "ada@example.com")
	if len(inv) != 1 {
		t.Fatalf("Ada's invitations: %+v", inv)
	}
	if inv[0].ICS != "" || strings.Contains(inv[0].Text, "invite.ics") {
		t.Errorf("Ada's invitation carries the meetup's event:\n%s\n%s", inv[0].Text, inv[0].ICS)
	}
	mustContain(t, "Ada's invitation", inv[0].Text, "Your talk is in your calendar already", e.rsvpPath(t, "ada@example.com")+"?answer=yes")
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/schedule", map[string]any{"starts_at": e.at("13:00"),
		"ends_at": e.at("14:15"), "location": "Room 1", "capacity": 20})
	e.a.must(200, "PATCH", "/api/v1/meetups/"+e.m, map[string]any{"ends_at": e.at("14:30")})
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/cancel", map[string]any{"reason": "The room is flooded"})

	for email, cand := range map[string]string{"ada@example.com": e.ada, "oleg@example.com": e.oleg} {
		cals, _ := calendarMails(t, e, email)
		want := map[string]string{"speaker-" + cand + "@convene": "REQUEST 1,REQUEST 2,CANCEL 3"}
		if got := eventHistory(cals); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s's calendar mails: %v, want %v", email, got, want)
		}
		for _, c := range cals {
			if c.Organizer != "mailto:"+c.From {
				t.Errorf("%s, %q: ORGANIZER %s, From %s", email, c.Subject, c.Organizer, c.From)
			}
		}
	}
	for kind, want := range map[string]int{"invite": 1, "update": 1, "cancel": 0, models.NoticeSlotUpdate: 1, models.NoticeMeetupCancelled: 1} {
		if n := len(e.sentTo(t, kind, "ada@example.com")); n != want {
			t.Errorf("Ada has %d %s mails, want %d", n, kind, want)
		}
	}
	end := e.sentTo(t, "update", "ada@example.com")[0]
	if end.ICS != "" || strings.Contains(end.Text, "invite.ics") {
		t.Errorf("the new end brings Ada the meetup's event:\n%s", end.Text)
	}
	mustContain(t, "Ada's new end", end.Text, "the event there is your talk's", "14:30")
	cals, _ := calendarMails(t, e, "amy@example.com")
	if got, want := eventHistory(cals), map[string]string{uid: "REQUEST 0,REQUEST 1,REQUEST 2,CANCEL 3"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Amy's calendar mails: %v, want %v", got, want)
	}
}

// TestSpeakerIsOfferedNoMeetupEventFile: Ada, a confirmed speaker, and Amy, of the audience, say
// yes. Ada's RSVP page and her reminder offer no file of the meetup's event to add (her calendar
// has her talk's; it would be a second event); Amy's do.
func TestSpeakerIsOfferedNoMeetupEventFile(t *testing.T) {
	t.Parallel()
	e := newWithdrawEnv(t, 20)
	e.yes(t, "ada@example.com", "amy@example.com")
	for email, want := range map[string]bool{"ada@example.com": false, "amy@example.com": true} {
		page := e.app.Client().Get(t, e.rsvpPath(t, email)).Body
		if got := strings.Contains(page, `id="rsvp-invite"`); got != want {
			t.Errorf("%s's RSVP page offers the meetup's event: %v, want %v", email, got, want)
		}
	}
	e.app.Store.DB.MustExec(`UPDATE rsvp_reminders SET due_at = now() - interval '1 minute' WHERE meetup_id = $1`, e.m)
	if _, _, err := e.app.Store.FireDueReminders(context.Background(), e.app.H.ReminderMail); err != nil {
		t.Fatal(err)
	}
	for email, want := range map[string]bool{"ada@example.com": false, "amy@example.com": true} {
		r := e.sentTo(t, "reminder", email)
		if len(r) == 0 {
			t.Fatalf("no reminder to %s", email)
		}
		if got := strings.Contains(r[0].Text, e.rsvpPath(t, email)+"/invite.ics"); got != want {
			t.Errorf("%s's reminder offers the meetup's event: %v, want %v\n%s", email, got, want, r[0].Text)
		}
	}
}

// TestWithdrawnGuestSpeakerHoldingTheMeetupEvent: Oleg, a guest speaker, was invited before
// invitations to speakers went without a calendar: his invitation carried the meetup's REQUEST
// (the outbox row is made to say so, with the event his invite file gives). He withdraws and is
// uninvited: his mail carries the CANCEL of that event (its UID, a higher SEQUENCE, only his
// ATTENDEE line, the same ORGANIZER) and says the meetup leaves his calendar.
func TestWithdrawnGuestSpeakerHoldingTheMeetupEvent(t *testing.T) {
	t.Parallel()
	e := newWithdrawEnv(t, 20)
	res := e.app.Client().Get(t, e.rsvpPath(t, "oleg@example.com")+"/invite.ics")
	if res.Status != 200 {
		t.Fatalf("Oleg's invite file: %d", res.Status)
	}
	if _, err := e.a.dbExec(`UPDATE outbox SET ics = $1, ics_method = 'REQUEST' WHERE meetup_id = $2 AND kind = 'invite'
		AND to_email = 'oleg@example.com'`, res.Body, e.m); err != nil {
		t.Fatal(err)
	}
	leaveLineup(t, e.app, e.m, e.oleg)
	oleg := waitMail(t, e.mail, "oleg@example.com", "Приглашение отозвано: «Lunch & learn: Go»")
	checkInviteCancelled(t, oleg, pyRead(t, []byte(res.Body)), "oleg@example.com")
	mustContain(t, "Oleg's mail", oleg.Text, "Встреча будет удалена из вашего календаря")
}

// TestAttendeeTurnedSpeakerKeepsOneEvent: Amy, of the audience, has her invitation (the meetup's
// REQUEST, SEQUENCE 0); then she is asked to speak and confirms (her talk's REQUEST 1). The next
// send invites her as a speaker: that mail cancels the meetup's event she had (its UID, SEQUENCE
// 1, raised by the send) and says so, so her talk's event stands alone; a change of start then
// reaches her as her talk's REQUEST 2 only. Bob, of the audience, gets the meetup's event as
// before (REQUEST 0, then 2). Before, she kept both events, each updated by its own mail.
func TestAttendeeTurnedSpeakerKeepsOneEvent(t *testing.T) {
	t.Parallel()
	e := newWithdrawEnv(t, 20)
	var uid string
	if err := e.app.Store.DB.Get(&uid, `SELECT ical_uid FROM meetups WHERE id = $1`, e.m); err != nil {
		t.Fatal(err)
	}
	s := e.slot("12:30", "12:45")
	amy := spkAnswered(t, e.app, e.a, e.m, "Amy", "Testing", s)
	joinLineup(t, e.app, e.a, e.m, amy, s)
	if out := e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/invitations/send", nil); out["invited"] != float64(1) {
		t.Fatalf("the second send invited %v, want Amy as a speaker", out["invited"])
	}
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/schedule", map[string]any{"starts_at": e.at("13:00"),
		"ends_at": e.at("14:15"), "location": "Room 1", "capacity": 20})

	cals, _ := calendarMails(t, e, "amy@example.com")
	want := map[string]string{uid: "REQUEST 0,CANCEL 1", "speaker-" + amy + "@convene": "REQUEST 1,REQUEST 2"}
	if got := eventHistory(cals); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Amy's calendar mails: %v, want %v", got, want)
	}
	for _, c := range cals {
		if c.Organizer != "mailto:"+c.From {
			t.Errorf("Amy, %q: ORGANIZER %s, From %s", c.Subject, c.Organizer, c.From)
		}
	}
	inv := e.sentTo(t, "invite", "amy@example.com")
	if len(inv) != 2 || inv[1].ICSMethod != "CANCEL" {
		t.Fatalf("Amy's invitations: %+v", inv)
	}
	mustContain(t, "Amy's invitation as a speaker", inv[1].Text, "You are on the lineup as a speaker, with “Testing”",
		"The meetup's event your first invitation put in your calendar is removed with this mail")
	if n := len(e.sentTo(t, "update", "amy@example.com")); n != 0 {
		t.Errorf("Amy has %d update mails of the meetup's event, want none", n)
	}
	cals, _ = calendarMails(t, e, "bob@example.com")
	if got, want := eventHistory(cals), map[string]string{uid: "REQUEST 0,REQUEST 2"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Bob's calendar mails: %v, want %v", got, want)
	}
}
