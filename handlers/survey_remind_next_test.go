package handlers_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
)

// remindNext is the survey page's note under the reminder button, or "".
func remindNext(body string) string {
	_, rest, ok := strings.Cut(body, `<p id="remind-next" role="status">`)
	note, _, _ := strings.Cut(rest, "</p>")
	if !ok {
		return ""
	}
	return note
}

// TestSurveyPageSaysWhenTheNextReminderCanGo: of five mailed, two answered; the three others got
// their mail less than an hour ago (two 20 minutes ago, one 10): the button says nobody to remind
// now, and the page says why and when the next reminder can go (in the meetup's zone) and to how
// many — in English and Russian.
func TestSurveyPageSaysWhenTheNextReminderCanGo(t *testing.T) {
	a := newSurveyApp(t, 5)
	a.define(t, "Go", "Rust")
	if r := a.api(t, "POST", a.surveyPath("/send"), ""); r.Status != 200 {
		t.Fatalf("send: %d %s", r.Status, r.Body)
	}
	for _, email := range []string{"e0@example.com", "e1@example.com"} {
		a.c.PostForm(t, a.link(t, email), url.Values{"topic": {"Go"}})
	}
	sent := time.Now().Add(-20 * time.Minute).Truncate(time.Minute)
	if _, err := a.Store.DB.ExecContext(a.ctx, `UPDATE survey_invites SET sent_at = $2::timestamptz + CASE WHEN p.email = 'e4@example.com'
		THEN interval '10 minutes' ELSE interval '0' END FROM people p WHERE p.id = person_id AND meetup_id = $1`, a.meetup.ID, sent); err != nil {
		t.Fatal(err)
	}
	next := sent.Add(time.Hour).In(mustZone(t, "Europe/Berlin")).Format("15:04") + " (Europe/Berlin"
	a.c.Login(t, a.User.Email, testutil.Password)
	page := a.c.Get(t, "/meetups/"+a.meetup.ID+"/survey").Body
	mustContain(t, "survey page", page, "Nobody to remind now")
	mustContain(t, "reminder note", remindNext(page),
		"Nobody to remind right now: the 3 people who have not answered got a survey mail less than an hour ago.",
		"The next reminder can go at ", next, ", to 2 people.")
	home := a.c.Get(t, "/")
	a.c.PostForm(t, "/lang", url.Values{"csrf_token": {testutil.CSRF(t, home.Body)}, "lang": {"ru"}, "next": {"/"}})
	mustContain(t, "Russian reminder note", remindNext(a.c.Get(t, "/meetups/"+a.meetup.ID+"/survey").Body),
		"3 человека, которые не ответили, получили письмо с опросом меньше часа назад.",
		"Следующее напоминание можно отправить в ", next, ", 2 людям.")
}
