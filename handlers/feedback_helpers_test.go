package handlers_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// feedbackLinkRe finds a personal feedback link in a mail's text.
var feedbackLinkRe = regexp.MustCompile(`https?://\S+/f/[A-Za-z0-9_-]{43}`)

// feedbackApp is the app with people f0..f(n-1)@example.com (f1 in Russian), all of whom said yes
// to a meetup of the organiser's that ended an hour ago.
type feedbackApp struct {
	*testutil.App
	ctx    context.Context
	c      *testutil.Client
	token  string
	meetup models.Meetup
	people []string
}

func newFeedbackApp(t *testing.T, n int) *feedbackApp {
	t.Helper()
	a := &feedbackApp{App: testutil.NewApp(t), ctx: context.Background()}
	a.c, a.token = a.Client(), a.Token(t, a.User.Email)
	for i := range n {
		p := models.Person{Email: fmt.Sprintf("f%d@example.com", i), Name: fmt.Sprintf("Fan %d", i), Timezone: "Europe/Berlin", Language: "en"}
		if i == 1 {
			p.Language, p.Timezone = "ru", "Europe/Moscow"
		}
		if _, err := models.UpsertPerson(a.ctx, a.Store.DB, a.Team.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Store.DB.SelectContext(a.ctx, &a.people, `SELECT id FROM people ORDER BY email`); err != nil {
		t.Fatal(err)
	}
	var err error
	a.meetup, err = a.Store.CreateMeetup(a.ctx, a.Team.ID, a.User.ID, models.NewMeetup{Title: "Go & SQL lunch", Timezone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	a.exec(t, `UPDATE meetups SET stage = 'scheduled', starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, a.meetup.ID)
	a.exec(t, `INSERT INTO rsvps (meetup_id, person_id, team_id, status) SELECT $1, id, team_id, 'yes' FROM people`, a.meetup.ID)
	return a
}

// exec runs a statement of the test's own.
func (a *feedbackApp) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := a.Store.DB.ExecContext(a.ctx, q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// api calls the JSON API with the organiser's token.
func (a *feedbackApp) api(t *testing.T, method, path, body string) testutil.Response {
	t.Helper()
	ct := ""
	if body != "" {
		ct = "application/json"
	}
	return a.c.Do(t, method, path, ct, strings.NewReader(body), "Authorization", "Bearer "+a.token)
}

// path is the meetup's feedback API path plus suffix.
func (a *feedbackApp) path(suffix string) string {
	return "/api/v1/meetups/" + a.meetup.ID + "/feedback" + suffix
}

// send sends the form through the API and returns how many it mailed.
func (a *feedbackApp) send(t *testing.T) int {
	t.Helper()
	r := a.api(t, "POST", a.path("/send"), "")
	var out struct{ Sent int }
	if r.Status != 200 {
		t.Fatalf("send: %d %s", r.Status, r.Body)
	}
	decode(t, r, &out)
	return out.Sent
}

// outbox returns the outbox's mails of that kind as "to subject" lines, and their texts.
func (a *feedbackApp) outbox(t *testing.T, kind string) (lines, texts []string) {
	t.Helper()
	var rows []struct {
		To   string `db:"to_email"`
		Subj string `db:"subject"`
		Text string `db:"text_body"`
	}
	err := a.Store.DB.SelectContext(a.ctx, &rows, `SELECT to_email, subject, text_body FROM outbox WHERE kind = $1 ORDER BY to_email`, kind)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		lines, texts = append(lines, r.To+" "+r.Subj), append(texts, r.Text)
	}
	return lines, texts
}

// linkOf returns the path of the /f/ link in the feedback mail the outbox holds for that address.
func (a *feedbackApp) linkOf(t *testing.T, email string) string {
	t.Helper()
	var text string
	err := a.Store.DB.GetContext(a.ctx, &text, `SELECT text_body FROM outbox WHERE kind = 'feedback' AND to_email = $1`, email)
	if err != nil {
		t.Fatalf("no feedback mail to %s: %v", email, err)
	}
	link := feedbackLinkRe.FindString(text)
	if !strings.HasPrefix(link, a.URL+"/f/") {
		t.Fatalf("the mail to %s has no link to this app: %q\n%s", email, link, text)
	}
	return strings.TrimPrefix(link, a.URL)
}

// state snapshots every feedback row, request and outbox key, to prove a request changed nothing.
func (a *feedbackApp) state(t *testing.T) string {
	t.Helper()
	var rows []string
	err := a.Store.DB.SelectContext(a.ctx, &rows, `
		SELECT format('fb %s %s %s %s %s %s', person_id, rating, nps, useful, updated_at, alerted_at) FROM feedback
		UNION ALL SELECT format('rq %s %s', person_id, reminded_at) FROM feedback_requests
		UNION ALL SELECT 'ob ' || idempotency_key FROM outbox
		UNION ALL SELECT 'idea ' || title FROM topic_ideas ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(rows, "\n")
}
