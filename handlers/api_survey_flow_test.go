package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// TestSurveyAPITeamScoping: another team's organiser gets 404 for everything of this meetup.
func TestSurveyAPITeamScoping(t *testing.T) {
	a := newSurveyApp(t, 2)
	a.define(t, "Go")
	idea := a.api(t, "POST", "/api/v1/topic-ideas", `{"title":"Chaos engineering"}`)
	var ti models.TopicIdea
	decode(t, idea, &ti)
	a.AddUser(t, "Other team", "other@example.com", models.RoleOrganiser)
	other := a.Token(t, "other@example.com")
	calls := [][3]string{
		{"GET", a.surveyPath(""), ""}, {"PUT", a.surveyPath(""), defineBody("Hacked")},
		{"POST", a.surveyPath("/send"), ""}, {"POST", a.surveyPath("/remind"), ""},
		{"GET", a.surveyPath("/results"), ""}, {"POST", a.surveyPath("/close"), ""},
		{"PUT", "/api/v1/meetups/" + a.meetup.ID + "/topic", `{"topic":"Hacked"}`},
		{"DELETE", "/api/v1/topic-ideas/" + ti.ID, ""},
	}
	for _, c := range calls {
		if r := a.apiAs(t, other, c[0], c[1], c[2]); r.Status != 404 {
			t.Errorf("other team %s %s: %d %s", c[0], c[1], r.Status, r.Body)
		}
	}
	if r := a.apiAs(t, other, "GET", "/api/v1/topic-ideas", ""); strings.Contains(r.Body, "Chaos") {
		t.Errorf("other team sees the backlog: %s", r.Body)
	}
	var sv models.Survey
	decode(t, a.api(t, "GET", a.surveyPath(""), ""), &sv)
	if sv.Open != true || sv.Topics[0] != "Go" {
		t.Fatalf("the survey changed: %+v", sv)
	}
	if r := a.c.Get(t, a.surveyPath("")); r.Status != 401 {
		t.Errorf("no token: %d", r.Status)
	}
}

// TestSurveyAPIFlow defines, sends, answers by link, tallies, reminds, closes and picks the topic.
func TestSurveyAPIFlow(t *testing.T) {
	a := newSurveyApp(t, 3)
	a.define(t, "Go", "Rust", "SQL")
	if m, _ := a.Store.GetMeetup(a.ctx, a.Team.ID, a.meetup.ID); m.Stage != "survey" {
		t.Fatalf("stage after define = %s", m.Stage)
	}
	var sent map[string]int
	decode(t, a.api(t, "POST", a.surveyPath("/send"), ""), &sent)
	if sent["sent"] != 3 {
		t.Fatalf("send = %v", sent)
	}
	decode(t, a.api(t, "POST", a.surveyPath("/send"), ""), &sent)
	if sent["sent"] != 0 {
		t.Fatalf("second send = %v", sent)
	}
	vote := func(email string, v url.Values) {
		t.Helper()
		if r := a.c.PostForm(t, a.link(t, email), v); r.Status != 303 {
			t.Fatalf("answer of %s: %d %s", email, r.Status, r.Body)
		}
	}
	vote("e0@example.com", url.Values{"topic": {"Rust", "SQL"}, "proposal": {"Fuzzing"}, "problems": {"Flaky tests"}})
	vote("e1@example.com", url.Values{"topic": {"Rust"}})
	var res models.SurveyResults
	decode(t, a.api(t, "GET", a.surveyPath("/results"), ""), &res)
	if res.Responses != 2 || res.Invited != 3 || res.Topics[0] != (models.TopicVotes{Topic: "Rust", Votes: 2}) ||
		res.Proposals[0].Topic != "Fuzzing" || res.Problems[0] != (models.ProblemCount{Problem: "Flaky tests", Count: 1}) {
		t.Fatalf("results = %+v", res)
	}
	decode(t, a.api(t, "POST", a.surveyPath("/remind"), ""), &sent)
	if sent["sent"] != 0 {
		t.Fatalf("reminders right after sending = %v (the gap holds them back)", sent)
	}
	if _, err := a.Store.DB.Exec(`UPDATE survey_invites SET sent_at = now() - interval '2 hours'`); err != nil {
		t.Fatal(err)
	}
	decode(t, a.api(t, "POST", a.surveyPath("/remind"), ""), &sent)
	if sent["sent"] != 1 {
		t.Fatalf("reminders = %v, want 1 (only e2 has not answered)", sent)
	}
	if rem := a.mailed(t, "survey_reminder"); len(rem) != 1 || rem[0].To != "e2@example.com" ||
		!strings.HasSuffix(rem[0].Key, ":1") || !strings.Contains(rem[0].Text, a.URL+a.link(t, "e2@example.com")) {
		t.Fatalf("queued reminders = %+v", rem)
	}
	r := a.api(t, "PUT", "/api/v1/meetups/"+a.meetup.ID+"/topic", `{"topic":"Fuzzing","notify":true}`)
	var m models.Meetup
	decode(t, r, &m)
	if r.Status != 200 || m.Topic != "Fuzzing" || m.Stage != "speakers" {
		t.Fatalf("topic: %d %s", r.Status, r.Body)
	}
	chosen := a.mailed(t, "topic_chosen")
	if len(chosen) == 0 {
		t.Fatalf("no topic_chosen mail queued")
	}
	for _, c := range chosen { // e2 did not answer: not thanked for it, no link to an answer
		answered := c.To != "e2@example.com"
		thanked := strings.Contains(c.Text, "Thank you for your answers") || strings.Contains(c.Text, "Спасибо за ответы")
		if !strings.Contains(c.Text, "Fuzzing") || strings.Contains(c.Text, a.URL+a.link(t, c.To)) != answered || thanked != answered {
			t.Errorf("topic_chosen mail to %s:\n%s", c.To, c.Text)
		}
	}
	if page := a.c.Get(t, a.link(t, "e2@example.com")); !strings.Contains(page.Body, "This survey is closed") ||
		!strings.Contains(page.Body, "Fuzzing") {
		t.Fatalf("closed page: %d %s", page.Status, page.Body)
	}
}
