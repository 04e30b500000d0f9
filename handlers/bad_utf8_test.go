package handlers_test

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/convene/convene/internal/testutil"
)

// badUTF8 is free text with bytes that are not UTF-8 (a Latin-1 "é" and a stray continuation byte).
const badUTF8 = "Caf\xe9 talk \x80"

// utf8Message is the field error shown for text that is not UTF-8, in English and in Russian.
const (
	utf8MessageEN = "This text contains characters that could not be read. Retype it and send it again."
	utf8MessageRU = "В тексте есть символы, которые не удалось прочитать. Наберите его заново и отправьте ещё раз."
)

// wantUTF8FieldError checks a 422 page with the field's error next to it and valid UTF-8 throughout.
func wantUTF8FieldError(t *testing.T, what string, r testutil.Response, field, msg string) {
	t.Helper()
	if r.Status != 422 || !strings.Contains(r.Body, `id="e-`+field+`">`+msg) {
		t.Fatalf("%s: %d, want 422 with %q next to %s:\n%s", what, r.Status, msg, field, r.Body)
	}
	if !utf8.ValidString(r.Body) {
		t.Fatalf("%s: the page is not valid UTF-8", what)
	}
	noLeak(t, what, r.Body)
}

// TestFeedbackFormInvalidUTF8IsAFieldError: a comment that is not UTF-8 brings the form back with
// the error next to that comment box (in the person's language) and the rest of the input kept;
// nothing is stored.
func TestFeedbackFormInvalidUTF8IsAFieldError(t *testing.T) {
	a := newFeedbackApp(t, 2)
	a.send(t)
	before := a.state(t)
	for _, field := range []string{"useful", "improve", "next_topics"} {
		form := url.Values{"rating": {"4"}, "useful": {"The demo"}}
		form.Set(field, badUTF8)
		r := a.c.PostForm(t, a.linkOf(t, "f0@example.com"), form)
		wantUTF8FieldError(t, field, r, field, utf8MessageEN)
		if field != "useful" && !strings.Contains(r.Body, ">The demo</textarea>") {
			t.Fatalf("%s: the input was not kept", field)
		}
	}
	ru := a.c.PostForm(t, a.linkOf(t, "f1@example.com"), url.Values{"rating": {"4"}, "improve": {badUTF8}})
	wantUTF8FieldError(t, "Russian", ru, "improve", utf8MessageRU)
	if after := a.state(t); after != before {
		t.Fatalf("text that is not UTF-8 changed the state:\n%s", after)
	}
}

// TestSurveyAnswerInvalidUTF8IsAFieldError: a proposal or a problem that is not UTF-8 is an error
// next to that field, and no answer is stored.
func TestSurveyAnswerInvalidUTF8IsAFieldError(t *testing.T) {
	a := newSurveyApp(t, 2)
	a.define(t, "Go", "Rust")
	link, ru := a.link(t, "e1@example.com"), a.link(t, "e0@example.com")
	before := a.surveySnapshot(t)
	r := a.c.PostForm(t, link, url.Values{"topic": {"Go"}, "proposal": {badUTF8}})
	wantUTF8FieldError(t, "proposal", r, "proposal", utf8MessageEN)
	r = a.c.PostForm(t, link, url.Values{"topic": {"Go"}, "problems": {badUTF8}})
	wantUTF8FieldError(t, "problems", r, "problems", utf8MessageEN)
	r = a.c.PostForm(t, ru, url.Values{"problems": {badUTF8}})
	wantUTF8FieldError(t, "Russian", r, "problems", utf8MessageRU)
	if after := a.surveySnapshot(t); after != before {
		t.Fatalf("text that is not UTF-8 changed the database:\n%s\n%s", before, after)
	}
}

// TestTopicIdeaInvalidUTF8IsAFieldError: an idea for the backlog that is not UTF-8 is an error
// next to the title field, and the backlog stays empty.
func TestTopicIdeaInvalidUTF8IsAFieldError(t *testing.T) {
	a := newSurveyApp(t, 0)
	a.c.Login(t, a.User.Email, testutil.Password)
	tok := testutil.CSRF(t, a.c.Get(t, "/topics").Body)
	r := a.c.PostForm(t, "/topics", url.Values{"csrf_token": {tok}, "title": {badUTF8}})
	wantUTF8FieldError(t, "idea", r, "title", utf8MessageEN)
	var n int
	if err := a.Store.DB.GetContext(a.ctx, &n, `SELECT count(*) FROM topic_ideas`); err != nil || n != 0 {
		t.Fatalf("%d ideas stored (%v)", n, err)
	}
}
