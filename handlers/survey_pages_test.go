package handlers_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// leakedKey finds a message id printed instead of its text.
var leakedKey = regexp.MustCompile(`\b(survey|topics|error|stage)\.[a-z_]+(\.[a-z_]+)*\b`)

// TestSurveyPagesInBothLanguages renders every organiser survey page in English and Russian:
// no message id shows instead of its text.
func TestSurveyPagesInBothLanguages(t *testing.T) {
	a := newSurveyApp(t, 2)
	a.define(t, "Go", "Rust")
	a.c.PostForm(t, a.link(t, "e1@example.com"), url.Values{"topic": {"Go"}, "proposal": {"Fuzzing"}, "problems": {"Slow CI"}})
	if _, err := a.Store.AddTopicIdea(a.ctx, a.Team.ID, "Chaos", models.IdeaFromFeedback, nil); err != nil {
		t.Fatal(err)
	}
	a.c.Login(t, a.User.Email, testutil.Password)
	pages := []string{"/meetups/" + a.meetup.ID + "/survey", "/meetups/" + a.meetup.ID + "/survey/edit", "/topics"}
	for _, lang := range []string{"en", "ru"} {
		if lang == "ru" {
			page := a.c.Get(t, "/")
			a.c.PostForm(t, "/lang", url.Values{"csrf_token": {testutil.CSRF(t, page.Body)}, "lang": {"ru"}, "next": {"/"}})
		}
		for _, p := range pages {
			r := a.c.Get(t, p)
			if r.Status != 200 || !strings.Contains(r.Body, `<html lang="`+lang+`">`) {
				t.Fatalf("%s %s: %d", lang, p, r.Status)
			}
			if k := leakedKey.FindString(strings.ReplaceAll(r.Body, "/static/survey.css", "")); k != "" {
				t.Errorf("%s %s shows the id %q", lang, p, k)
			}
		}
	}
	if r := a.c.Get(t, pages[0]); !strings.Contains(r.Body, "Напомнить") && !strings.Contains(r.Body, "Сейчас некому напоминать") {
		t.Errorf("the survey page is not in Russian")
	}
}

// TestSurveyUIScopedAndRefusals: another team's organiser gets 404; bad form input re-renders with 422.
func TestSurveyUIScopedAndRefusals(t *testing.T) {
	a := newSurveyApp(t, 1)
	a.AddUser(t, "Other team", "other@example.com", models.RoleOrganiser)
	other := a.Client()
	other.Login(t, "other@example.com", testutil.Password)
	for _, p := range []string{"/meetups/" + a.meetup.ID + "/survey", "/meetups/" + a.meetup.ID + "/survey/edit"} {
		if r := other.Get(t, p); r.Status != 404 {
			t.Errorf("other team GET %s: %d", p, r.Status)
		}
	}
	a.c.Login(t, a.User.Email, testutil.Password)
	edit := a.c.Get(t, "/meetups/"+a.meetup.ID+"/survey/edit")
	tok := testutil.CSRF(t, edit.Body)
	r := a.c.PostForm(t, "/meetups/"+a.meetup.ID+"/survey/edit", url.Values{"csrf_token": {tok}, "question": {"Q"},
		"topic": {"Go", "", "go"}, "closes_at": {"2001-01-01T10:00"}, "op": {"save"}})
	if r.Status != 422 || !strings.Contains(r.Body, "This time has already passed.") || !strings.Contains(r.Body, "This topic is listed twice.") {
		t.Fatalf("bad form: %d", r.Status)
	}
	if r = other.PostForm(t, "/meetups/"+a.meetup.ID+"/survey/close", url.Values{"csrf_token": {tok}}); r.Status != 403 {
		t.Errorf("close with another session's CSRF token: %d", r.Status)
	}
	a.define(t, "Go")
	r = a.c.PostForm(t, "/meetups/"+a.meetup.ID+"/survey/topic", url.Values{"csrf_token": {tok}, "topic": {""}, "other": {"  "}})
	if r.Status != 422 || !strings.Contains(r.Body, "Choose a topic or write one.") || !strings.Contains(r.Body, `id="chart"`) {
		t.Errorf("pick without a topic: %d", r.Status)
	}
	r = a.c.PostForm(t, "/topics", url.Values{"csrf_token": {tok}, "title": {"   "}})
	if r.Status != 422 || !strings.Contains(r.Body, "This field is required.") {
		t.Errorf("blank idea: %d", r.Status)
	}
}
