package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestReportCameIsOneRule replays the QA walk-through: five said yes, the form went out while
// nobody was checked in, then three were checked in at the door and the two others answered the
// form. Their answers show they came: the report counts five who came everywhere ("Attended 5",
// "Attended in all 5", "Answered the form 2 · 40% of those who came", never 3 beside a 40 % of
// five), names the two counted by their answer, and the form and the recap reach the same five.
// In English and Russian.
func TestReportCameIsOneRule(t *testing.T) {
	e := newReportEnv(t)
	m := e.meetup("Door and form", time.Now().Add(-3*time.Hour), "")
	ppl := e.people("qa", 5, "en")
	for _, p := range ppl {
		e.rsvp(m.ID, p, "yes", false)
	}
	var sent map[string]int
	e.api.json(t, "POST", "/api/v1/meetups/"+m.ID+"/feedback/send", map[string]any{}, 200, &sent)
	e.api.json(t, "POST", "/api/v1/meetups/"+m.ID+"/attendance",
		map[string]any{"emails": []string{"qa-0@example.com", "qa-1@example.com", "qa-2@example.com"}}, 200, nil)
	e.feedback(m.ID, ppl[3], 4, 9, 4, "", "", "")
	e.feedback(m.ID, ppl[4], 5, 10, 5, "", "", "")

	res := e.api.json(t, "GET", "/api/v1/meetups/"+m.ID+"/report", nil, 200, nil)
	mustContain(t, "report JSON", res.Body,
		`"funnel":{"invited":5,"yes":5,"attended":5,"attended_yes":5,"attended_others":0,"walk_ins":0,"feedback":2,"attended_or_answered":5,"speakers":0,"speakers_checked_in":0,"attended_by_answer":2}`,
		`"funnel_rates":{"yes":100,"attended_yes":100,"attended":100,"feedback":40}`)
	want := "Funnel: Invited 5, Said yes 5 · 100% of invited, Came after a yes 5 · 100% of the yes, Walk-ins 0, " +
		"Attended in all 5, Counted by answer 2, Answered the form 2 · 40% of those who came"
	if got := e.funnelTitle(m.ID); got != want {
		t.Fatalf("funnel chart:\n got %s\nwant %s", got, want)
	}
	mustContain(t, "report page", e.c.Get(t, "/meetups/"+m.ID+"/report").Body, `<strong id="kpi-attended">5</strong>`)

	var st models.FeedbackStatus
	e.api.json(t, "GET", "/api/v1/meetups/"+m.ID+"/feedback", nil, 200, &st)
	if sent["sent"] != 5 || st.Unsent != 0 {
		t.Fatalf("form sent to %d, %d left to send; want 5 and 0 (the form went to all who came)", sent["sent"], st.Unsent)
	}
	mustContain(t, "celebrate page", e.c.Get(t, "/meetups/"+m.ID+"/celebrate").Body, `<strong id="celebrate-attendees">5</strong>`)
	var cr models.CelebrateResult
	e.api.json(t, "POST", "/api/v1/meetups/"+m.ID+"/celebrate", map[string]any{"retrospective": "Good"}, 200, &cr)
	if cr.Recapped != 5 || e.outboxCount("recap") != 5 {
		t.Fatalf("recap to %d (outbox %d), want the 5 who came", cr.Recapped, e.outboxCount("recap"))
	}

	e.exec(`UPDATE users SET lang = 'ru' WHERE id = $1`, e.User.ID)
	got := e.funnelTitle(m.ID)
	mustContain(t, "Russian funnel", got, "Пришли всего 5", "По ответу в форме 2",
		"Заполнили форму 2 · 40% от пришедших")
	if strings.Contains(got, "Пришли всего 3") {
		t.Fatalf("Russian funnel counts only the checked in: %s", got)
	}
}
