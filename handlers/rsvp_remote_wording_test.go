package handlers_test

import (
	"net/url"
	"strings"
	"testing"
)

// noticeTo is the subject, plain text and HTML of the one mail of kind to email.
func noticeTo(t *testing.T, e *rsvpEnv, kind, email string) string {
	t.Helper()
	var m struct {
		Subject string `db:"subject"`
		Text    string `db:"text_body"`
		HTML    string `db:"html_body"`
	}
	if err := e.app.Store.DB.Get(&m, `SELECT subject, text_body, html_body FROM outbox
		WHERE meetup_id = $1 AND kind = $2 AND to_email = $3`, e.meetup.ID, kind, email); err != nil {
		t.Fatalf("%s mail to %s: %v", kind, email, err)
	}
	return m.Subject + "\n" + m.Text + "\n" + m.HTML
}

// saysAll fails unless got has every one of want and none of wrong.
func saysAll(t *testing.T, what, got string, want, wrong []string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(got, s) {
			t.Errorf("%s lacks %q:\n%s", what, s, got)
		}
	}
	for _, s := range wrong {
		if strings.Contains(got, s) {
			t.Errorf("%s says %q:\n%s", what, s, got)
		}
	}
}

// TestRemoteWaitlistSpeaksOfRemotePlaces: with one remote place, the next to answer remotely
// reads on the page and in the mails of remote places, not of the room and its seats, in
// English and Russian; a seat in the room keeps the room's words.
func TestRemoteWaitlistSpeaksOfRemotePlaces(t *testing.T) {
	e := newRSVPEnvWith(t, 4, `"capacity":1,"remote_capacity":1`)
	c := e.app.Client()
	remote := url.Values{"answer": {"yes"}, "mode": {"remote"}}
	if res := c.PostForm(t, "/r/"+e.links[0], remote); res.Status != 200 {
		t.Fatalf("first remote yes: %d", res.Status)
	}
	room := []string{"room is full", "a seat", "Seats taken", "Мест в зале нет"}
	res := c.PostForm(t, "/r/"+e.links[2], remote)
	saysAll(t, "English page", res.Body, []string{"All remote places are taken: you are number 1 on the waitlist. If a remote place frees up",
		"Remote places taken: 1 of 1"}, room)
	res = c.PostForm(t, "/r/"+e.links[1], remote)
	saysAll(t, "Russian page", res.Body, []string{"Все места для удалённого участия заняты: вы номер 2 в листе ожидания"}, room)
	saysAll(t, "English waitlisted mail", noticeTo(t, e, "waitlisted", "p2@example.com"),
		[]string{"All remote places are taken, so you are on the waitlist for one, at number 1.", "When a remote place frees up"}, room)
	saysAll(t, "Russian waitlisted mail", noticeTo(t, e, "waitlisted", "p1@example.com"),
		[]string{"Все места для удалённого участия заняты, поэтому вы в листе ожидания под номером 2."}, room)
	if res := c.PostForm(t, "/r/"+e.links[0], url.Values{"answer": {"no"}}); res.Status != 200 {
		t.Fatalf("no: %d", res.Status)
	}
	saysAll(t, "English promoted mail", noticeTo(t, e, "promoted", "p2@example.com"),
		[]string{"A remote place for you:", "a remote place at “Lunch &amp; learn: Go” freed up", "so the place goes to the next person"}, room)
	res = c.PostForm(t, "/r/"+e.links[0], url.Values{"answer": {"yes"}, "mode": {"in_person"}})
	saysAll(t, "in-person yes", res.Body, []string{"You&#39;re confirmed: a seat is yours.", "Seats taken: 1 of 1"}, []string{"remote place"})
	res = c.PostForm(t, "/r/"+e.links[3], url.Values{"answer": {"yes"}, "mode": {"in_person"}})
	saysAll(t, "in-person waitlist", res.Body, []string{"Мест в зале нет: вы номер 1 в листе ожидания"}, []string{"удалённого"})
	saysAll(t, "in-person waitlisted mail", noticeTo(t, e, "waitlisted", "p3@example.com"), []string{"Мест в зале нет"}, []string{"удалённого"})
}
