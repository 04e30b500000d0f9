package handlers_test

import (
	"regexp"
	"strings"
	"testing"
)

// surveyLinkRe finds a personal survey link in a mail's text.
var surveyLinkRe = regexp.MustCompile(`https?://\S+/s/[A-Za-z0-9_-]+`)

// mailedRow is one survey mail as the outbox holds it.
type mailedRow struct {
	Key   string `db:"idempotency_key"`
	Kind  string `db:"kind"`
	Lang  string `db:"lang"`
	To    string `db:"to_email"`
	Subj  string `db:"subject"`
	Text  string `db:"text_body"`
	HTML  string `db:"html_body"`
	Email string `db:"person_email"`
	PLang string `db:"person_lang"`
}

// mailed returns the outbox's mails of that kind about the app's meetup, by recipient.
func (a *surveyApp) mailed(t *testing.T, kind string) []mailedRow {
	t.Helper()
	var rows []mailedRow
	err := a.Store.DB.SelectContext(a.ctx, &rows, `
SELECT o.idempotency_key, o.kind, o.lang, o.to_email, o.subject, o.text_body, o.html_body,
       p.email AS person_email, p.language AS person_lang
FROM outbox o JOIN people p ON p.id = o.person_id
WHERE o.meetup_id = $1 AND o.kind = $2 ORDER BY o.to_email, o.idempotency_key`, a.meetup.ID, kind)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// mailedLink returns the path of the /s/ link in the survey mail the outbox holds for that address.
func (a *surveyApp) mailedLink(t *testing.T, email string) string {
	t.Helper()
	for _, r := range a.mailed(t, "survey") {
		if r.To == email {
			link := surveyLinkRe.FindString(r.Text)
			if !strings.HasPrefix(link, a.URL+"/s/") {
				t.Fatalf("the mail to %s has no link to this app: %q\n%s", email, link, r.Text)
			}
			return strings.TrimPrefix(link, a.URL)
		}
	}
	t.Fatalf("no survey mail to %s", email)
	return ""
}

// TestSurveySendEnqueuesOneMailPerMember: a send queues one mail per audience member, in their
// language and time zone, whose /s/ link opens their survey; a second send queues nothing more.
func TestSurveySendEnqueuesOneMailPerMember(t *testing.T) {
	a := newSurveyApp(t, 3)
	a.define(t, "Go generics", "SQL performance")
	if r := a.api(t, "POST", a.surveyPath("/send"), ""); r.Status != 200 {
		t.Fatalf("send: %d %s", r.Status, r.Body)
	}
	rows := a.mailed(t, "survey")
	if len(rows) != 3 {
		t.Fatalf("%d survey mails queued, want 3", len(rows))
	}
	cyrillic := regexp.MustCompile(`\p{Cyrillic}`)
	for _, r := range rows {
		if r.To != r.Email || r.Lang != r.PLang {
			t.Errorf("mail to %s (%s) is for %s (%s)", r.To, r.Lang, r.Email, r.PLang)
		}
		if !strings.HasPrefix(r.Key, "survey:"+a.meetup.ID+":") {
			t.Errorf("idempotency key %q", r.Key)
		}
		if ru := cyrillic.MatchString(r.Subj + r.Text); ru != (r.PLang == "ru") {
			t.Errorf("mail to %s (%s) is in the wrong language:\n%s\n%s", r.To, r.PLang, r.Subj, r.Text)
		}
		if !strings.Contains(r.Text, "(Europe/Moscow, UTC+03:00)") {
			t.Errorf("mail to %s gives the closing time outside their zone (Moscow):\n%s", r.To, r.Text)
		}
		if !strings.Contains(r.Text, "Go generics") || !strings.Contains(r.HTML, "SQL performance") {
			t.Errorf("mail to %s does not list the topics:\n%s", r.To, r.Text)
		}
		path := a.mailedLink(t, r.To)
		if path != a.link(t, r.To) {
			t.Errorf("mail to %s links %s, not the person's survey link", r.To, path)
		}
		page := a.c.Get(t, path)
		if page.Status != 200 || !strings.Contains(page.Body, "Go generics") || !strings.Contains(page.Body, `id="submit"`) {
			t.Errorf("the mailed link of %s gives %d:\n%.500s", r.To, page.Status, page.Body)
		}
		if !strings.Contains(page.Body, `<html lang="`+r.PLang+`">`) {
			t.Errorf("the survey page of %s is not in %s", r.To, r.PLang)
		}
	}
	if r := a.api(t, "POST", a.surveyPath("/send"), ""); r.Status != 200 {
		t.Fatalf("resend: %d %s", r.Status, r.Body)
	}
	if again := a.mailed(t, "survey"); len(again) != 3 {
		t.Fatalf("after a resend %d survey mails, want still 3", len(again))
	}
}

// TestSurveyDefaultQuestionInEachLanguage: a survey that keeps the default question, as the
// organiser's form offered it in English, asks each person in their own language, in the mail
// and on the page; a question of the organiser's own is shown as written.
func TestSurveyDefaultQuestionInEachLanguage(t *testing.T) {
	const en, ru = "Which topics would you like to hear about at the next meetup?", "О каких темах вы хотели бы услышать на следующей встрече?"
	a := newSurveyApp(t, 2)
	body := strings.Replace(defineBody("Go generics", "SQL performance"), "What next?", en, 1)
	if r := a.api(t, "PUT", a.surveyPath(""), body); r.Status != 200 {
		t.Fatalf("define: %d %s", r.Status, r.Body)
	}
	a.api(t, "POST", a.surveyPath("/send"), "")
	for _, r := range a.mailed(t, "survey") {
		want, other := en, ru
		if r.PLang == "ru" {
			want, other = ru, en
		}
		page := a.c.Get(t, a.mailedLink(t, r.To)).Body
		if !strings.Contains(r.Text, want) || strings.Contains(r.Text, other) || !strings.Contains(page, want) || strings.Contains(page, other) {
			t.Errorf("%s (%s) is asked in the wrong language:\n%s", r.To, r.PLang, r.Text)
		}
	}
	a.define(t, "Go generics")
	if page := a.c.Get(t, a.mailedLink(t, "e0@example.com")).Body; !strings.Contains(page, "What next?") {
		t.Errorf("the organiser's own question is not shown as written:\n%.800s", page)
	}
}
