package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestFeedbackAnswerControlCharsAreFieldErrors: a NUL or an escape in a comment of the feedback
// form is "control character" next to that box, in the person's language, with the answer kept;
// nothing is stored. Before, a NUL said "some fields are not valid" and an escape was stored.
// Line breaks and tabs are kept.
func TestFeedbackAnswerControlCharsAreFieldErrors(t *testing.T) {
	a := newFeedbackApp(t, 2)
	a.send(t)
	before := a.state(t)
	for field, text := range map[string]string{"useful": "The\x00demo", "improve": "Less \x1b[1mslides", "next_topics": "Go\x07, Rust"} {
		form := url.Values{"rating": {"4"}, "useful": {"The demo"}}
		form.Set(field, text)
		r := a.c.PostForm(t, a.linkOf(t, "f0@example.com"), form)
		wantUTF8FieldError(t, field, r, field, controlMessageEN)
		if field != "useful" && !strings.Contains(r.Body, ">The demo</textarea>") {
			t.Fatalf("%s: the input was not kept:\n%s", field, r.Body)
		}
	}
	ru := a.c.PostForm(t, a.linkOf(t, "f1@example.com"), url.Values{"rating": {"4"}, "improve": {"a\x00b"}})
	wantUTF8FieldError(t, "Russian", ru, "improve", controlMessageRU)
	if after := a.state(t); after != before {
		t.Fatalf("a control character changed the state:\n%s\n%s", before, after)
	}
	ok := a.c.PostForm(t, a.linkOf(t, "f0@example.com"), url.Values{"rating": {"4"}, "useful": {"The demo\r\n\tand the Q&A"}})
	if ok.Status != 303 {
		t.Fatalf("a comment on two lines with a tab: %d\n%s", ok.Status, ok.Body)
	}
	var useful string
	if err := a.Store.DB.GetContext(a.ctx, &useful, `SELECT useful FROM feedback`); err != nil || useful != "The demo\n\tand the Q&A" {
		t.Fatalf("useful stored as %q (%v)", useful, err)
	}
}

// celebrationState is what a celebration changes: the meetup's stage and texts, and the mails.
func (c celebrated) celebrationState() string {
	c.t.Helper()
	var s string
	err := c.Store.DB.GetContext(c.ctx, &s, `SELECT concat_ws('|', stage, retrospective_worked, retrospective_change,
		celebrated_at, (SELECT count(*) FROM outbox)) FROM meetups WHERE id = $1`, c.m.ID)
	if err != nil {
		c.t.Fatal(err)
	}
	return s
}

// TestCelebrateControlCharsAreFieldErrors: a NUL or an escape in what worked or what to change is
// "control character" next to that box on the celebration form (the texts kept) and in the API's
// fields (named as sent: "retrospective" or "worked", "change"); the meetup is not celebrated and
// nothing is mailed. Before, they were silently dropped. Line breaks and tabs are kept.
func TestCelebrateControlCharsAreFieldErrors(t *testing.T) {
	c := newCelebrated(t)
	before := c.celebrationState()
	path := "/meetups/" + c.m.ID + "/celebrate"
	csrf := testutil.CSRF(t, c.c.Get(t, path).Body)
	for field, text := range map[string]string{"worked": "Live\x00demo", "change": "Less \x1b[1mslides"} {
		form := url.Values{"csrf_token": {csrf}, "worked": {"Live demo"}, "change": {"Shorter intro"}, "recap_links": {"https://example.com/slides"}}
		form.Set(field, text)
		r := c.c.PostForm(t, path, form)
		wantUTF8FieldError(t, "form "+field, r, field, controlMessageEN)
		if !strings.Contains(r.Body, `value="https://example.com/slides"`) {
			t.Fatalf("form %s: the recap link was not kept:\n%s", field, r.Body)
		}
	}
	api := "/api/v1/meetups/" + c.m.ID + "/celebrate"
	for body, field := range map[string]string{`{"retrospective":"Live\u0000demo"}`: "retrospective",
		`{"worked":"Live\u001bdemo"}`: "worked", `{"worked":"Good","change":"a\u0007b"}`: "change"} {
		e := apiError(t, body, c.api.call(t, "POST", api, "application/json", body), 422, "invalid")
		if e.Error.Fields[field] != controlMessageEN {
			t.Fatalf("%s: fields %v, want %q on %s", body, e.Error.Fields, controlMessageEN, field)
		}
	}
	if after := c.celebrationState(); after != before {
		t.Fatalf("a control character celebrated the meetup or mailed someone:\n%s\n%s", before, after)
	}
	c.api.json(t, "POST", api, map[string]any{"worked": "Live demo\r\n\tand Q&A", "change": "Shorter\rintro"}, 200, nil)
	var worked, change string
	if err := c.Store.DB.QueryRowContext(c.ctx, `SELECT retrospective_worked, retrospective_change FROM meetups WHERE id = $1`, c.m.ID).Scan(&worked, &change); err != nil {
		t.Fatal(err)
	}
	if worked != "Live demo\n\tand Q&A" || change != "Shorter\nintro" {
		t.Fatalf("stored %q and %q, want the line breaks as \\n and the tab kept", worked, change)
	}
}
