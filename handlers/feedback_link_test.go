package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestFeedbackLinkScannerRecordsNothing: GET and HEAD of a feedback link, in every variant, show
// the page with the link-page headers and change nothing; a wrong token is a plain 404.
func TestFeedbackLinkScannerRecordsNothing(t *testing.T) {
	a := newFeedbackApp(t, 1)
	a.send(t)
	link := a.linkOf(t, "f0@example.com")
	before := a.state(t)
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		for _, q := range []string{"", "?thanks=1", "?change=1", "?rating=1"} {
			r := a.c.Do(t, m, link+q, "", nil)
			if r.Status != 200 || r.Header.Get("Referrer-Policy") != "no-referrer" || r.Header.Get("Cache-Control") != "no-store" {
				t.Fatalf("%s %s: %d %v", m, q, r.Status, r.Header)
			}
		}
	}
	if after := a.state(t); after != before {
		t.Fatalf("a GET or HEAD changed the state:\n%s\n---\n%s", before, after)
	}
	errorPage(t, "tampered token", a.c.Get(t, link[:len(link)-2]+"xx"), 404, "")
	errorPage(t, "another purpose", a.c.Get(t, "/s/"+strings.TrimPrefix(link, "/f/")), 404, "")
}

// TestFeedbackLinkBadInputShowsTheFormAgain: a missing or out-of-range rating, an NPS of 11 and an
// overlong comment each bring the form back with the field's error and the input kept; nothing is stored.
func TestFeedbackLinkBadInputShowsTheFormAgain(t *testing.T) {
	a := newFeedbackApp(t, 2)
	a.send(t)
	link := a.linkOf(t, "f0@example.com")
	before := a.state(t)
	cases := []struct {
		form url.Values
		id   string
		msg  string
	}{
		{url.Values{"useful": {"The demo"}}, "e-rating", "This field is required."},
		{url.Values{"rating": {"9"}}, "e-rating", "This value is out of range."},
		{url.Values{"rating": {"4"}, "nps": {"11"}, "useful": {"The demo"}}, "e-nps", "This value is out of range."},
		{url.Values{"rating": {"4"}, "improve": {strings.Repeat("é", 2001)}}, "e-improve", "At most 2000 characters."},
	}
	for _, c := range cases {
		r := a.c.PostForm(t, link, c.form)
		if r.Status != 422 || !strings.Contains(r.Body, `id="`+c.id+`">`+c.msg) {
			t.Fatalf("%v: %d, want 422 with %s %q", c.form, r.Status, c.id, c.msg)
		}
		if c.form.Get("useful") != "" && !strings.Contains(r.Body, ">The demo</textarea>") {
			t.Fatalf("%v: the input was not kept", c.form)
		}
		noLeak(t, "bad input", r.Body)
	}
	ru := a.c.PostForm(t, a.linkOf(t, "f1@example.com"), url.Values{"nps": {"11"}})
	if ru.Status != 422 || !strings.Contains(ru.Body, "Обязательное поле.") || !strings.Contains(ru.Body, "Значение вне допустимого диапазона.") {
		t.Fatalf("the Russian form's errors: %d", ru.Status)
	}
	if after := a.state(t); after != before {
		t.Fatalf("bad input changed the state:\n%s", after)
	}
}

// TestFeedbackLowRatingMailsTheOrganiserOnce: an answer of 2 mails the organiser the comment in
// the same transaction; changing it to 1, then 1 again, mails nothing more.
func TestFeedbackLowRatingMailsTheOrganiserOnce(t *testing.T) {
	a := newFeedbackApp(t, 1)
	a.send(t)
	link := a.linkOf(t, "f0@example.com")
	for _, rating := range []string{"2", "1", "1"} {
		r := a.c.PostForm(t, link, url.Values{"rating": {rating}, "improve": {"The sound was bad"}, "next_topics": {"Go 1.26; pgx"}})
		if r.Status != 303 || r.Header.Get("Location") != link+"?thanks=1" {
			t.Fatalf("answer %s: %d %s", rating, r.Status, r.Header.Get("Location"))
		}
	}
	lines, texts := a.outbox(t, "feedback_alert")
	if len(lines) != 1 || lines[0] != "organiser@example.com Low rating (2/5) for “Go & SQL lunch”" ||
		!strings.Contains(texts[0], "The sound was bad") {
		t.Fatalf("alerts: %q %q", lines, texts)
	}
	if s := a.state(t); !strings.Contains(s, "idea Go 1.26") || !strings.Contains(s, "idea pgx") {
		t.Fatalf("the topics are not in the backlog:\n%s", s)
	}
}

// TestFeedbackClosedFormPage: once the form closes the link shows "the form is closed" with the
// earlier answer, and a late answer is refused with the same page, changing nothing.
func TestFeedbackClosedFormPage(t *testing.T) {
	a := newFeedbackApp(t, 2)
	a.send(t)
	link := a.linkOf(t, "f0@example.com")
	if r := a.c.PostForm(t, link, url.Values{"rating": {"5"}, "useful": {"Live coding"}}); r.Status != 303 {
		t.Fatalf("answer: %d", r.Status)
	}
	a.exec(t, `UPDATE meetups SET feedback_closes_at = now() - interval '1 minute' WHERE id = $1`, a.meetup.ID)
	before := a.state(t)
	r := a.c.Get(t, link)
	if r.Status != 200 || !strings.Contains(r.Body, "The form is closed") || !strings.Contains(r.Body, "Live coding") || strings.Contains(r.Body, "<form method=\"post\"") {
		t.Fatalf("closed page: %d\n%s", r.Status, r.Body)
	}
	r = a.c.PostForm(t, link, url.Values{"rating": {"1"}})
	if r.Status != 409 || !strings.Contains(r.Body, "The form is closed") || !strings.Contains(r.Body, "5/5") {
		t.Fatalf("late answer: %d\n%s", r.Status, r.Body)
	}
	if ru := a.c.Get(t, a.linkOf(t, "f1@example.com")); !strings.Contains(ru.Body, "Форма закрыта") {
		t.Fatalf("the Russian closed page:\n%s", ru.Body)
	}
	if after := a.state(t); after != before {
		t.Fatalf("the closed form changed the state:\n%s", after)
	}
}

// TestFeedbackOrganiserPageSendAndFlag: the organiser's page shows the counts and sends the form
// with its button; the report's flag button (CSRF) mails the comment once and goes back to the report.
func TestFeedbackOrganiserPageSendAndFlag(t *testing.T) {
	a := newFeedbackApp(t, 2)
	c := loggedIn(t, a.App)
	page := c.Get(t, "/meetups/"+a.meetup.ID+"/feedback")
	if page.Status != 200 || !strings.Contains(page.Body, "Sending now reaches 2 people not mailed yet.") {
		t.Fatalf("feedback page: %d\n%s", page.Status, page.Body)
	}
	if m := c.Get(t, "/meetups/"+a.meetup.ID); !strings.Contains(m.Body, `href="/meetups/`+a.meetup.ID+`/feedback"`) {
		t.Fatal("the meetup page does not link the feedback page")
	}
	r := formPost(t, c, "/meetups/"+a.meetup.ID+"/feedback/send", page.Body, url.Values{})
	if r.Status != 303 || r.Header.Get("Location") != "/meetups/"+a.meetup.ID+"/feedback" {
		t.Fatalf("send: %d %s", r.Status, r.Header.Get("Location"))
	}
	page = c.Get(t, "/meetups/"+a.meetup.ID+"/feedback")
	if !strings.Contains(page.Body, "The feedback form is on its way.") || !strings.Contains(page.Body, `id="count-sent">2<`) {
		t.Fatalf("after the send:\n%s", page.Body)
	}
	if r := a.c.PostForm(t, a.linkOf(t, "f0@example.com"), url.Values{"rating": {"3"}, "useful": {"Nothing new"}}); r.Status != 303 {
		t.Fatalf("answer: %d", r.Status)
	}
	flag := "/meetups/" + a.meetup.ID + "/feedback/" + a.people[0] + "/flag"
	if r := c.PostForm(t, flag, url.Values{}); r.Status != 403 {
		t.Fatalf("a flag without the CSRF token: %d", r.Status)
	}
	for range 2 {
		r := formPost(t, c, flag, page.Body, url.Values{})
		if r.Status != 303 || r.Header.Get("Location") != "/meetups/"+a.meetup.ID+"/report" {
			t.Fatalf("flag: %d %s", r.Status, r.Header.Get("Location"))
		}
	}
	if lines, texts := a.outbox(t, "feedback_alert"); len(lines) != 1 || !strings.Contains(texts[0], "Nothing new") {
		t.Fatalf("alerts: %q", lines)
	}
	if r := formPost(t, c, "/meetups/"+a.meetup.ID+"/feedback/"+a.people[1]+"/flag", page.Body, url.Values{}); r.Status != 404 {
		t.Fatalf("a flag of no answer: %d", r.Status)
	}
}
