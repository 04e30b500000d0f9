package handlers_test

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/handlers"
	"github.com/convene/convene/models"
)

func TestOutboxPageListsMessagesWithReasons(t *testing.T) {
	a := newOutboxApp(t)
	a.enqueue(t, a.Team.ID, "ok")
	bad := a.enqueue(t, a.Team.ID, "bad")
	a.enqueue(t, a.other.ID, "foreign")
	a.enqueue(t, a.Team.ID, "new-kind", func(m *models.OutboxMessage) { m.Kind = "some_new_kind" })
	a.fail(t, bad, "SMTP RCPT TO failed: 550 5.1.1 <bad@example.com>: mailbox unavailable")
	res := a.c.Get(t, "/outbox")
	if res.Status != 200 {
		t.Fatalf("GET /outbox: %d", res.Status)
	}
	body := html.UnescapeString(res.Body)
	for _, want := range []string{"Subject ok", "Subject bad", "Queued", "Failed",
		"550 5.1.1 <bad@example.com>: mailbox unavailable", `action="/outbox/` + bad + `/retry"`, "Send a test mail to me",
		"<td>Invitation</td>", "<td>some_new_kind</td>"} {
		if !strings.Contains(body, want) {
			t.Errorf("outbox page lacks %q", want)
		}
	}
	if strings.Contains(body, "Subject foreign") {
		t.Error("outbox page shows another team's mail")
	}
	res = a.c.Get(t, "/outbox?status=failed")
	if !strings.Contains(res.Body, "Subject bad") || strings.Contains(res.Body, "Subject ok") {
		t.Error("status filter not applied")
	}
	if res := a.c.Get(t, "/outbox?status=lost"); res.Status != 422 {
		t.Errorf("unknown status filter: %d, want 422", res.Status)
	}
}

func TestOutboxRetryIsTeamScoped(t *testing.T) {
	a := newOutboxApp(t)
	mine := a.enqueue(t, a.Team.ID, "mine")
	theirs := a.enqueue(t, a.other.ID, "theirs")
	a.fail(t, mine, "550 no")
	a.fail(t, theirs, "550 no")
	page := a.c.Get(t, "/outbox?status=failed").Body
	if res := a.post(t, page, "/outbox/"+theirs+"/retry", nil); res.Status != 404 {
		t.Fatalf("retry of another team's message: %d, want 404", res.Status)
	}
	if st := a.status(t, a.other.ID, theirs); st != models.OutboxFailed {
		t.Fatalf("another team's message is now %s", st)
	}
	res := a.post(t, page, "/outbox/"+mine+"/retry", url.Values{"back": {"/outbox?status=failed"}})
	if res.Status != 303 || res.Header.Get("Location") != "/outbox?status=failed" {
		t.Fatalf("retry: %d to %q", res.Status, res.Header.Get("Location"))
	}
	if st := a.status(t, a.Team.ID, mine); st != models.OutboxQueued {
		t.Fatalf("retried message is %s", st)
	}
	if !strings.Contains(a.c.Get(t, "/outbox").Body, "The message is queued again.") {
		t.Error("no confirmation after retry")
	}
	if res := a.c.PostForm(t, "/outbox/"+mine+"/retry", url.Values{}); res.Status != 403 {
		t.Errorf("retry without CSRF token: %d, want 403", res.Status)
	}
	if res := a.post(t, page, "/outbox/"+mine+"/retry", url.Values{"back": {"https://evil.test/outbox"}}); res.Status != 409 {
		t.Errorf("retry of a queued message: %d, want 409", res.Status)
	}
}

const viewICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//T//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n" +
	"UID:view-uid@convene\r\nSEQUENCE:4\r\nDTSTAMP:20250101T000000Z\r\nDTSTART:20250110T120000Z\r\n" +
	"SUMMARY:Go generics\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

func TestOutboxMessageViewShowsItAsSent(t *testing.T) {
	a := newOutboxApp(t)
	id := a.enqueue(t, a.Team.ID, "view", func(m *models.OutboxMessage) {
		m.HTML = `<p style="color:#c00">Hi <b>there</b></p><script>alert(1)</script>`
		m.ICS, m.ICSMethod = viewICS, "REQUEST"
	})
	other := a.enqueue(t, a.other.ID, "hidden")
	res := a.c.Get(t, "/outbox/"+id)
	if res.Status != 200 {
		t.Fatalf("GET: %d", res.Status)
	}
	for _, want := range []string{`<iframe class="mail-view" sandbox srcdoc="&lt;p style=&#34;color:#c00&#34;&gt;Hi &lt;b&gt;there`,
		"Text view", "view-uid@convene", "<dd>4</dd>", "<dd>REQUEST</dd>", "Go generics", "2025-01-10 12:00 UTC"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("message view lacks %q", want)
		}
	}
	if strings.Contains(res.Body, "<script>alert") {
		t.Error("the mail's script reached the page unescaped")
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
	if res := a.c.Get(t, "/outbox/"+other); res.Status != 404 {
		t.Errorf("another team's message: %d, want 404", res.Status)
	}
	if res := a.c.Get(t, "/outbox/not-a-uuid"); res.Status != 404 {
		t.Errorf("bad id: %d, want 404", res.Status)
	}
}

// TestOutboxKindsHaveLabels proves every kind of mail Convene writes has a label in English and
// Russian, so the outbox never shows an internal code.
func TestOutboxKindsHaveLabels(t *testing.T) {
	kinds := []string{"invite", models.ChangeUpdate, models.ChangeCancel, models.EventReminder, models.EventWaitlisted,
		models.EventPromoted, models.MailSurvey, models.MailSurveyReminder, models.MailTopicChosen, models.MailFeedback,
		models.MailFeedbackReminder, models.MailFeedbackAlert, "thanks", "recap", "recap_links", "speaker_thanks",
		models.NoticeBrief, models.NoticeFollowUp, models.NoticeConfirmRequest, models.NoticeConfirmed, models.NoticeDeclined,
		models.NoticeWithdrawn, models.NoticeLineupReady, models.NoticeSlotUpdate, models.NoticeSlotTaken,
		models.NoticeMeetupCancelled, models.NoticeStillInvited, models.NoticeUninvited, "speaker_slot_reopened",
		"speaker_cancel", "speaker_outreach_cancelled", "test"}
	views, err := handlers.NewViews()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru"} {
		tr := views.NewTranslator(lang)
		for _, k := range kinds {
			if got := tr.Label("outbox.kind.", k); got == k {
				t.Errorf("%s: no label for the mail kind %q", lang, k)
			}
		}
	}
}
