package handlers_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestEraseRemovesFeedbackAlertsAboutThePerson: a low rating mails the organiser the person's
// address and comment; once the person is erased, no outbox row (sent or not) still quotes them.
func TestEraseRemovesFeedbackAlertsAboutThePerson(t *testing.T) {
	a := newFeedbackApp(t, 3)
	a.send(t)
	for _, who := range []string{"f0", "f2"} {
		r := a.c.PostForm(t, a.linkOf(t, who+"@example.com"), url.Values{"rating": {"1"}, "improve": {"Grumble of " + who}})
		if r.Status != 303 {
			t.Fatalf("%s answer = %d", who, r.Status)
		}
	}
	if _, texts := a.outbox(t, "feedback_alert"); len(texts) != 2 || !strings.Contains(strings.Join(texts, ""), "f0@example.com") {
		t.Fatalf("alerts before erasing: %d, %q", len(texts), texts)
	}
	a.exec(t, `UPDATE outbox SET status = 'sent', sent_at = now() WHERE kind = 'feedback_alert' AND text_body LIKE '%f0@example.com%'`)
	for i, who := range []string{"f0", "f2"} {
		id := a.people[map[string]int{"f0": 0, "f2": 2}[who]]
		if r := a.api(t, "DELETE", "/api/v1/people/"+id, ""); r.Status != 204 && r.Status != 200 {
			t.Fatalf("erase %s (%d) = %d %s", who, i, r.Status, r.Body)
		}
	}
	var left []string
	err := a.Store.DB.SelectContext(a.ctx, &left, `SELECT kind || ': ' || subject || ' ' || text_body || html_body FROM outbox
		WHERE text_body || html_body || subject ~* '(f0|f2)@example\.com|Grumble of|Fan 0|Fan 2'`)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Fatalf("after erasing, the outbox still quotes them:\n%s", strings.Join(left, "\n---\n"))
	}
}
