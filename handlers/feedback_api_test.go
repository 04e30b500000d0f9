package handlers_test

import (
	"strings"
	"testing"
)

// TestFeedbackAPISendMailsEachOnceInTheirLanguage: a send mails everyone who said yes, each in
// their language with a working personal link; sending again mails nobody; the status counts it.
func TestFeedbackAPISendMailsEachOnceInTheirLanguage(t *testing.T) {
	a := newFeedbackApp(t, 3)
	var st struct {
		Sent, Unsent int
		Open         bool
	}
	decode(t, a.api(t, "GET", a.path(""), ""), &st)
	if st.Sent != 0 || st.Unsent != 3 || st.Open {
		t.Fatalf("status before: %+v", st)
	}
	if n := a.send(t); n != 3 {
		t.Fatalf("sent %d, want 3", n)
	}
	if n := a.send(t); n != 0 {
		t.Fatalf("a second send mailed %d", n)
	}
	lines, _ := a.outbox(t, "feedback")
	want := []string{
		"f0@example.com How was “Go & SQL lunch”? Two minutes of feedback",
		"f1@example.com Как прошла встреча «Go & SQL lunch»? Две минуты на отзыв",
		"f2@example.com How was “Go & SQL lunch”? Two minutes of feedback",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("outbox:\n%s", strings.Join(lines, "\n"))
	}
	if r := a.c.Get(t, a.linkOf(t, "f1@example.com")); r.Status != 200 || !strings.Contains(r.Body, "Как вы оцениваете встречу в целом?") {
		t.Fatalf("the Russian link: %d", r.Status)
	}
	decode(t, a.api(t, "GET", a.path(""), ""), &st)
	if st.Sent != 3 || st.Unsent != 0 || !st.Open {
		t.Fatalf("status after: %+v", st)
	}
}

// TestFeedbackAPIBadRequests: unknown and foreign meetups, a meetup not started or cancelled, a
// flag of nobody's answer or with a bad body, and no credentials are refused with clear errors.
func TestFeedbackAPIBadRequests(t *testing.T) {
	a := newFeedbackApp(t, 1)
	_, other := a.AddUser(t, "Other Team", "other@example.com", "organiser")
	otherToken := a.Token(t, other.Email)
	apiError(t, "bad id", a.api(t, "POST", "/api/v1/meetups/nope/feedback/send", ""), 404, "not_found")
	r := a.c.Do(t, "POST", a.path("/send"), "", nil, "Authorization", "Bearer "+otherToken)
	apiError(t, "another team", r, 404, "not_found")
	apiError(t, "no credentials", a.c.Do(t, "POST", a.path("/send"), "", nil), 401, "unauthorized")
	a.exec(t, `UPDATE meetups SET starts_at = now() + interval '1 day', ends_at = now() + interval '25 hours' WHERE id = $1`, a.meetup.ID)
	apiError(t, "not started", a.api(t, "POST", a.path("/send"), ""), 409, "not_started")
	a.exec(t, `UPDATE meetups SET starts_at = NULL, ends_at = NULL WHERE id = $1`, a.meetup.ID)
	apiError(t, "no time", a.api(t, "POST", a.path("/send"), ""), 409, "feedback_not_scheduled")
	a.exec(t, `UPDATE meetups SET stage = 'cancelled' WHERE id = $1`, a.meetup.ID)
	apiError(t, "cancelled", a.api(t, "POST", a.path("/send"), ""), 409, "meetup_cancelled")

	flag := a.path("/" + a.people[0] + "/flag")
	apiError(t, "flag without an answer", a.api(t, "POST", flag, ""), 404, "not_found")
	apiError(t, "flag of a bad person id", a.api(t, "POST", a.path("/x/flag"), ""), 404, "not_found")
	b := apiError(t, "flag with an unknown field", a.api(t, "POST", flag, `{"note":"x"}`), 422, "invalid")
	if b.Error.Fields["body"] == "" {
		t.Fatalf("the body is not named: %+v", b.Error)
	}
	r = a.c.Do(t, "POST", flag, "text/plain", strings.NewReader("x"), "Authorization", "Bearer "+a.token)
	apiError(t, "flag with a text body", r, 415, "unsupported_media_type")
	if s := a.state(t); s != "" {
		t.Fatalf("refused requests changed:\n%s", s)
	}
}

// TestFeedbackAPIFlagMailsTheOrganiserOnce: a flag through the API mails the meetup's creator the
// comment once; flagging again mails nothing more.
func TestFeedbackAPIFlagMailsTheOrganiserOnce(t *testing.T) {
	a := newFeedbackApp(t, 1)
	a.send(t)
	link := a.linkOf(t, "f0@example.com")
	if r := a.c.PostForm(t, link, map[string][]string{"rating": {"4"}, "improve": {"Please share the slides"}}); r.Status != 303 {
		t.Fatalf("answer: %d %s", r.Status, r.Body)
	}
	for range 2 {
		var out struct {
			Rating    int
			FlaggedAt *string `json:"flagged_at"`
			AlertedAt *string `json:"alerted_at"`
		}
		r := a.api(t, "POST", a.path("/"+a.people[0]+"/flag"), "{}")
		decode(t, r, &out)
		if r.Status != 200 || out.Rating != 4 || out.FlaggedAt == nil || out.AlertedAt == nil {
			t.Fatalf("flag: %d %s", r.Status, r.Body)
		}
	}
	lines, texts := a.outbox(t, "feedback_alert")
	if len(lines) != 1 || lines[0] != "organiser@example.com Flagged feedback on “Go & SQL lunch”" ||
		!strings.Contains(texts[0], "Please share the slides") || !strings.Contains(texts[0], "Fan 0 <f0@example.com>") {
		t.Fatalf("alerts: %q %q", lines, texts)
	}
}
