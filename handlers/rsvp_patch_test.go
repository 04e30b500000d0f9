package handlers_test

import (
	"strings"
	"testing"
	"time"
)

// updates lists a meetup's update mails in the outbox, oldest first: recipient, text and ICS.
func (e *rsvpEnv) updates(t *testing.T) []struct{ Email, Text, ICS string } {
	t.Helper()
	var rows []struct {
		Email string `db:"to_email"`
		Text  string `db:"text_body"`
		ICS   string `db:"ics"`
	}
	if err := e.app.Store.DB.Select(&rows, `SELECT to_email, text_body, ics FROM outbox
		WHERE meetup_id = $1 AND kind = 'update' ORDER BY created_at, to_email`, e.meetup.ID); err != nil {
		t.Fatal(err)
	}
	out := make([]struct{ Email, Text, ICS string }, len(rows))
	for i, r := range rows {
		out[i] = struct{ Email, Text, ICS string }{r.Email, r.Text, r.ICS}
	}
	return out
}

// sequence reads the meetup's stored SEQUENCE.
func (e *rsvpEnv) sequence(t *testing.T) (n int) {
	t.Helper()
	if err := e.app.Store.DB.Get(&n, `SELECT ical_sequence FROM meetups WHERE id = $1`, e.meetup.ID); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPatchOfTimeOrPlaceMailsAnUpdate: a PATCH of the title mails nothing and keeps the
// SEQUENCE; one of the start (with the title) raises it once and mails each invitee a REQUEST
// with the same UID and the new time, saying what it was; one of the room does the same again.
func TestPatchOfTimeOrPlaceMailsAnUpdate(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	e.inviteAll(t)
	path, seq0 := "/api/v1/meetups/"+e.meetup.ID, e.sequence(t)
	if res := e.call(t, "PATCH", path, `{"title":"Lunch & learn: Go generics","description":"Bring questions"}`); res.Status != 200 {
		t.Fatalf("patch title: %d %s", res.Status, res.Body)
	}
	if n := len(e.updates(t)); n != 0 || e.sequence(t) != seq0 {
		t.Fatalf("a title change mailed %d updates, SEQUENCE %d → %d", n, seq0, e.sequence(t))
	}
	berlin := mustZone(t, "Europe/Berlin")
	start, _ := time.ParseInLocation("2006-01-02T15:04", e.start, berlin)
	moved := start.AddDate(0, 0, 1).Add(2 * time.Hour)
	body := `{"title":"Lunch & learn: Go, moved","starts_at":"` + moved.Format("2006-01-02T15:04") + `"}`
	if res := e.call(t, "PATCH", path, body); res.Status != 200 || !strings.Contains(res.Body, "Go, moved") {
		t.Fatalf("patch start: %d %s", res.Status, res.Body)
	}
	ups := e.updates(t)
	if len(ups) != 2 || ups[0].Email != "p0@example.com" || e.sequence(t) != seq0+1 {
		t.Fatalf("after moving: %d updates, SEQUENCE %d (was %d)", len(ups), e.sequence(t), seq0)
	}
	for _, u := range ups {
		cal := pyRead(t, []byte(u.ICS))
		ev := cal.Events[0]
		if cal.Method != "REQUEST" || ev.UID != e.uid(t, e.meetup.ID) || ev.Sequence != seq0+1 ||
			ev.Start != moved.UTC().Format("2006-01-02T15:04:05Z") || ev.End != moved.Add(time.Hour).UTC().Format("2006-01-02T15:04:05Z") {
			t.Fatalf("%s: update calendar %+v", u.Email, cal)
		}
	}
	if !strings.Contains(ups[0].Text, "was: "+start.Format("Mon 2 Jan 2006, 15:04")) || !strings.Contains(ups[0].Text, "Go, moved") {
		t.Fatalf("the update does not say what changed:\n%s", ups[0].Text)
	}
	if res := e.call(t, "PATCH", path, `{"location":"Room 7"}`); res.Status != 200 {
		t.Fatalf("patch room: %d %s", res.Status, res.Body)
	}
	if ups = e.updates(t); len(ups) != 4 || e.sequence(t) != seq0+2 || !strings.Contains(ups[3].Text, "Room 7") ||
		pyRead(t, []byte(ups[3].ICS)).Events[0].Sequence != seq0+2 {
		t.Fatalf("after moving rooms: %d updates, SEQUENCE %d", len(ups), e.sequence(t))
	}
	if res := e.call(t, "PATCH", path, `{"location":"Room 7"}`); res.Status != 200 || len(e.updates(t)) != 4 {
		t.Fatalf("the same room again: %d, %d updates", res.Status, len(e.updates(t)))
	}
	res := e.call(t, "PATCH", path, dstDays(`{"starts_at":"{gap}T02:30"}`))
	if res.Status != 422 || !strings.Contains(res.Body, "suggested") || len(e.updates(t)) != 4 {
		t.Fatalf("a time in the DST gap: %d %s", res.Status, res.Body)
	}
}
