package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// Field errors for control characters in Russian (the English ones are lineBreakMessageEN and controlMessageEN).
const (
	lineBreakMessageRU = "Напишите это в одну строку: здесь есть перенос строки или управляющий символ."
	controlMessageRU   = "В тексте есть управляющий символ (например, NUL), который нельзя сохранить. Удалите его и отправьте ещё раз."
)

// wantFieldMessage checks a JSON API answer of 422 whose fields name field with msg.
func wantFieldMessage(t *testing.T, what string, r testutil.Response, field, msg string) {
	t.Helper()
	code, got := fieldOf(t, r, field)
	if r.Status != 422 || code != "invalid" || got != msg {
		t.Fatalf("%s: %d %s, fields[%s] = %q, want 422 %q: %s", what, r.Status, code, field, got, msg, r.Body)
	}
	noLeak(t, what, r.Body)
}

// backlogAndSurvey is a snapshot of the survey's tables, the meetup and the topic backlog.
func (a *surveyApp) backlogAndSurvey(t *testing.T) string {
	t.Helper()
	var ideas string
	if err := a.Store.DB.GetContext(a.ctx, &ideas, `SELECT coalesce(string_agg(title, ',' ORDER BY title), '') FROM topic_ideas`); err != nil {
		t.Fatal(err)
	}
	var topics string
	if err := a.Store.DB.GetContext(a.ctx, &topics, `SELECT coalesce(string_agg(title, ',' ORDER BY position), '') FROM survey_topics`); err != nil {
		t.Fatal(err)
	}
	return a.surveySnapshot(t) + "|" + ideas + "|" + topics
}

// TestSurveyDefinitionControlCharsAreFieldErrors: a NUL, an escape or a line break in the
// survey's question, problems question or a topic — through the organiser's form or PUT — is
// "write this on one line" next to that field (the form kept, NUL shown as U+FFFD); nothing is
// stored. Before, a NUL in a topic said "too long", in the question "some fields are not valid",
// and an escape or a line break was stored.
func TestSurveyDefinitionControlCharsAreFieldErrors(t *testing.T) {
	a := newSurveyApp(t, 1)
	a.define(t, "Go", "Rust")
	before := a.backlogAndSurvey(t)
	bodies := map[string]string{
		`{"question":"What\u001bnext?","topics":["Go"],"closes_at":"%s"}`:                        "question",
		`{"question":"Q","problems_question":"Any\nproblems?","topics":["Go"],"closes_at":"%s"}`: "problems_question",
		`{"question":"Q","topics":["Go","Ru\u0000st"],"closes_at":"%s"}`:                         "topics.1",
		`{"question":"Q","topics":["Go\r\nRust"],"closes_at":"%s"}`:                              "topics.0",
		`{"question":"Q","topics":["Go","Rust\u2028Zig"],"closes_at":"%s"}`:                      "topics.1",
	}
	closes := strings.Split(strings.Split(defineBody("Go"), `"closes_at":"`)[1], `"`)[0]
	for body, field := range bodies {
		r := a.api(t, "PUT", a.surveyPath(""), strings.ReplaceAll(body, "%s", closes))
		wantFieldMessage(t, "PUT "+body, r, field, lineBreakMessageEN)
	}
	a.c.Login(t, a.User.Email, testutil.Password)
	path := "/meetups/" + a.meetup.ID + "/survey/edit"
	csrf := testutil.CSRF(t, a.c.Get(t, path).Body)
	form := url.Values{"csrf_token": {csrf}, "question": {"What next?"}, "topic": {"Go", "Ru\x00st"}, "closes_at": {closes[:16]}}
	r := a.c.PostForm(t, path, form)
	if r.Status != 422 || !strings.Contains(r.Body, `id="e-topic-1">`+lineBreakMessageEN) || !strings.Contains(r.Body, `value="Ru`+"\uFFFD"+`st"`) {
		t.Fatalf("form with a NUL in a topic: %d, want 422 with the error at topic 2 and the topic kept:\n%s", r.Status, r.Body)
	}
	if n := strings.Count(r.Body, lineBreakMessageEN); n != 1 {
		t.Errorf("the topic's error is shown %d times, want once (beside the topic only)", n)
	}
	form.Set("question", "What\x00next?")
	form["topic"] = []string{"Go"}
	r = a.c.PostForm(t, path, form)
	wantUTF8FieldError(t, "form question", r, "question", lineBreakMessageEN)
	if !strings.Contains(r.Body, `value="What`+"\uFFFD"+`next?"`) {
		t.Fatalf("the refused question is not kept:\n%s", r.Body)
	}
	if after := a.backlogAndSurvey(t); after != before {
		t.Fatalf("a control character changed the survey:\n%s\n%s", before, after)
	}
}

// TestSurveyAnswerControlCharsAreFieldErrors: on the employee's survey page a NUL or an escape in
// the proposal is "write this on one line", in the problems box "control character", next to that
// field, in the person's language, with the answer kept; nothing is stored. Line breaks and tabs
// in the problems box are kept.
func TestSurveyAnswerControlCharsAreFieldErrors(t *testing.T) {
	a := newSurveyApp(t, 2)
	a.define(t, "Go", "Rust")
	en, ru := a.link(t, "e1@example.com"), a.link(t, "e0@example.com")
	before := a.backlogAndSurvey(t)
	r := a.c.PostForm(t, en, url.Values{"topic": {"Go"}, "proposal": {"Fuzz\x00ing"}, "problems": {"Flaky CI"}})
	wantUTF8FieldError(t, "proposal", r, "proposal", lineBreakMessageEN)
	if !strings.Contains(r.Body, ">Flaky CI</textarea>") || !strings.Contains(r.Body, `value="Fuzz`+"\uFFFD"+`ing"`) {
		t.Fatalf("the answer is not kept:\n%s", r.Body)
	}
	r = a.c.PostForm(t, en, url.Values{"topic": {"Go"}, "problems": {"Flaky\x1b[31m CI"}})
	wantUTF8FieldError(t, "problems", r, "problems", controlMessageEN)
	r = a.c.PostForm(t, ru, url.Values{"problems": {"Flaky\x00CI"}})
	wantUTF8FieldError(t, "Russian problems", r, "problems", controlMessageRU)
	r = a.c.PostForm(t, ru, url.Values{"proposal": {"Fuzz\ting\x07"}})
	wantUTF8FieldError(t, "Russian proposal", r, "proposal", lineBreakMessageRU)
	if after := a.backlogAndSurvey(t); after != before {
		t.Fatalf("a control character changed the survey:\n%s\n%s", before, after)
	}
	if r = a.c.PostForm(t, en, url.Values{"topic": {"Go"}, "problems": {"Flaky CI\r\n\tand slow builds"}}); r.Status != 303 {
		t.Fatalf("problems on two lines with a tab: %d\n%s", r.Status, r.Body)
	}
	var problems string
	if err := a.Store.DB.GetContext(a.ctx, &problems, `SELECT problems FROM survey_responses`); err != nil || problems != "Flaky CI\n\tand slow builds" {
		t.Fatalf("problems stored as %q (%v)", problems, err)
	}
}

// TestTopicChoiceAndBacklogControlCharsAreFieldErrors: a NUL, an escape or a line break in a
// backlog idea (API) or in the topic picked on the survey page ("other") is "write this on one
// line" next to that field; nothing is stored.
func TestTopicChoiceAndBacklogControlCharsAreFieldErrors(t *testing.T) {
	a := newSurveyApp(t, 1)
	a.define(t, "Go", "Rust")
	before := a.backlogAndSurvey(t)
	for _, body := range []string{`{"title":"Go\u0000"}`, `{"title":"Go\u001b"}`, `{"title":"Go\nRust"}`} {
		wantFieldMessage(t, "POST idea "+body, a.api(t, "POST", "/api/v1/topic-ideas", body), "title", lineBreakMessageEN)
	}
	wantFieldMessage(t, "PUT topic", a.api(t, "PUT", "/api/v1/meetups/"+a.meetup.ID+"/topic", `{"topic":"Go\u0000"}`), "topic", lineBreakMessageEN)
	a.c.Login(t, a.User.Email, testutil.Password)
	page := "/meetups/" + a.meetup.ID + "/survey"
	csrf := testutil.CSRF(t, a.c.Get(t, page).Body)
	r := a.c.PostForm(t, page+"/topic", url.Values{"csrf_token": {csrf}, "other": {"Fuzz\x00ing"}})
	if r.Status != 422 || !strings.Contains(r.Body, `id="e-pick" role="alert">`+lineBreakMessageEN) || !strings.Contains(r.Body, `value="Fuzz`+"\uFFFD"+`ing"`) {
		t.Fatalf("other topic with a NUL: %d, want 422 with the error at the field and the text kept:\n%s", r.Status, r.Body)
	}
	if after := a.backlogAndSurvey(t); after != before {
		t.Fatalf("a control character changed the backlog or the meetup:\n%s\n%s", before, after)
	}
}
