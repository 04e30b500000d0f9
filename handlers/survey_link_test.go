package handlers_test

import (
	"net/url"
	"strings"
	"testing"
)

// surveySnapshot is every row the survey link could change, as text.
func (a *surveyApp) surveySnapshot(t *testing.T) string {
	t.Helper()
	var s string
	err := a.Store.DB.GetContext(a.ctx, &s, `
SELECT concat_ws('|',
  (SELECT count(*) FROM survey_responses), (SELECT count(*) FROM survey_votes),
  (SELECT string_agg(concat(meetup_id, closed_at, updated_at), ',') FROM surveys),
  (SELECT string_agg(concat(person_id, reminders, reminded_at), ',') FROM survey_invites),
  (SELECT string_agg(concat(id, stage, topic, updated_at), ',') FROM meetups),
  (SELECT count(*) FROM links), (SELECT count(*) FROM audit_log))`)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSurveyLinkScannerChangesNothing fetches a survey link the way mail scanners do.
func TestSurveyLinkScannerChangesNothing(t *testing.T) {
	a := newSurveyApp(t, 1)
	a.define(t, "Go", "Rust")
	link := a.link(t, "e0@example.com")
	before := a.surveySnapshot(t)
	for _, method := range []string{"GET", "HEAD"} {
		for _, q := range []string{"", "?change=1", "?thanks=1&topic=Go"} {
			r := a.c.Do(t, method, link+q, "", nil, "User-Agent", "Mozilla/5.0 (compatible; SafeLinks)")
			if r.Status != 200 || r.Header.Get("Referrer-Policy") != "no-referrer" || r.Header.Get("Cache-Control") != "no-store" {
				t.Fatalf("%s %s: %d %v", method, q, r.Status, r.Header)
			}
			if method == "GET" && !strings.Contains(r.Body, `name="topic" value="Rust"`) {
				t.Fatalf("GET shows no form: %s", r.Body)
			}
		}
	}
	if after := a.surveySnapshot(t); after != before {
		t.Fatalf("GET/HEAD changed the database:\n%s\n%s", before, after)
	}
	flip := "A"
	if strings.HasSuffix(link, "A") {
		flip = "B"
	}
	for _, bad := range []string{"/s/nope", link[:len(link)-1] + flip, "/s/" + strings.Repeat("x", 43)} {
		if r := a.c.Get(t, bad); r.Status != 404 || !strings.Contains(r.Body, "no longer valid") {
			t.Fatalf("bad token %s: %d", bad, r.Status)
		}
	}
}

// TestSurveyLinkAnswerAndChange answers in English, fixes a refused answer, then changes it.
func TestSurveyLinkAnswerAndChange(t *testing.T) {
	a := newSurveyApp(t, 2)
	a.define(t, "Go", "Rust", "SQL")
	link := a.link(t, "e1@example.com")
	r := a.c.PostForm(t, link, url.Values{"topic": {"COBOL"}, "proposal": {"Own idea"}})
	if r.Status != 422 || !strings.Contains(r.Body, "This topic is not offered in the survey.") || !strings.Contains(r.Body, `value="Own idea"`) {
		t.Fatalf("unknown topic: %d %s", r.Status, r.Body)
	}
	if r = a.c.PostForm(t, link, url.Values{}); r.Status != 422 || !strings.Contains(r.Body, "Tick a topic, propose one") {
		t.Fatalf("empty answer: %d", r.Status)
	}
	if r = a.c.PostForm(t, link, url.Values{"topic": {"Go", "SQL"}, "problems": {"Slow CI"}}); r.Status != 303 {
		t.Fatalf("answer: %d %s", r.Status, r.Body)
	}
	thanks := a.c.Get(t, r.Header.Get("Location"))
	if !strings.Contains(thanks.Body, "Thank you!") || !strings.Contains(thanks.Body, "<li>SQL</li>") || !strings.Contains(thanks.Body, "Slow CI") {
		t.Fatalf("thank-you page: %s", thanks.Body)
	}
	back := a.c.Get(t, link)
	if !strings.Contains(back.Body, "You have answered") || !strings.Contains(back.Body, "<li>Go</li>") {
		t.Fatalf("coming back: %s", back.Body)
	}
	form := a.c.Get(t, link+"?change=1")
	if !strings.Contains(form.Body, `value="SQL" checked`) || strings.Contains(form.Body, `value="Rust" checked`) {
		t.Fatalf("change form is not prefilled: %s", form.Body)
	}
	a.c.PostForm(t, link, url.Values{"topic": {"Rust"}})
	if back = a.c.Get(t, link); !strings.Contains(back.Body, "<li>Rust</li>") || strings.Contains(back.Body, "<li>Go</li>") {
		t.Fatalf("the new answer did not replace the old: %s", back.Body)
	}
	a.api(t, "POST", a.surveyPath("/close"), "")
	late := a.c.PostForm(t, link, url.Values{"topic": {"Go"}})
	if late.Status != 409 || !strings.Contains(late.Body, "This survey is closed") || !strings.Contains(late.Body, "<li>Rust</li>") {
		t.Fatalf("late answer: %d %s", late.Status, late.Body)
	}
}

// TestSurveyLinkInPersonsLanguage shows the page in Russian to a Russian speaker, whatever the browser says.
func TestSurveyLinkInPersonsLanguage(t *testing.T) {
	a := newSurveyApp(t, 1)
	a.define(t, "Go")
	r := a.c.Get(t, a.link(t, "e0@example.com"), "Accept-Language", "en-US")
	if !strings.Contains(r.Body, `<html lang="ru">`) || !strings.Contains(r.Body, "Отправить ответ") ||
		!strings.Contains(r.Body, "С какими проблемами вы сейчас сталкиваетесь в работе?") {
		t.Fatalf("Russian page: %s", r.Body)
	}
	if !strings.Contains(r.Body, "(Europe/Moscow, UTC&#43;03:00)") {
		t.Fatalf("closing time not in the person's zone (Moscow): %s", r.Body)
	}
}
