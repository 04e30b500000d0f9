package handlers_test

import (
	"strings"
	"testing"
	"time"
)

// funnelTitle is the text the report page gives the funnel chart (what a screen reader reads).
func (e *reportEnv) funnelTitle(meetupID string) string {
	e.t.Helper()
	body := e.c.Get(e.t, "/meetups/"+meetupID+"/report").Body
	_, rest, ok := strings.Cut(body, `<title id="funnel-chart-t">`)
	title, _, _ := strings.Cut(rest, "</title>")
	if !ok {
		e.t.Fatalf("the report has no funnel chart:\n%s", body)
	}
	return title
}

// TestReportFunnelShowsWalkInsApart: two people checked in at the door without an invitation are
// shown as walk-ins, not as "said yes"; the rate beside those who came is of the same people
// it counts (2 of the 3 yes, "Came after a yes 2 · 66.7% of the yes"), never a count with the
// walk-ins beside a rate without them ("Attended 4 · 66.7%", which reads as 4 of 6), and every
// rate names what it is of. In English and Russian.
func TestReportFunnelShowsWalkInsApart(t *testing.T) {
	e := newReportEnv(t)
	m := e.meetup("Door", time.Now().Add(-3*time.Hour), "")
	ppl := e.people("w", 4, "en")
	for i, p := range ppl {
		e.rsvp(m.ID, p, map[bool]string{true: "yes", false: "no"}[i < 3], i < 2)
	}
	e.api.json(t, "POST", "/api/v1/meetups/"+m.ID+"/attendance",
		map[string]any{"emails": []string{"walker1@example.com", "walker2@example.com"}, "walk_in": true}, 200, nil)
	e.feedback(m.ID, ppl[0], 5, 10, 5, "", "", "")
	res := e.api.json(t, "GET", "/api/v1/meetups/"+m.ID+"/report", nil, 200, nil)
	mustContain(t, "report JSON", res.Body, `"funnel":{"invited":4,"yes":3,"attended":4,"attended_yes":2,"attended_others":0,"walk_ins":2,"feedback":1,"attended_or_answered":4,"speakers":0,"speakers_checked_in":0,"attended_by_answer":0}`,
		`"funnel_rates":{"yes":75,"attended_yes":66.7,"attended":66.7,"feedback":25}`)
	want := "Funnel: Invited 4, Said yes 3 · 75% of invited, Came after a yes 2 · 66.7% of the yes, Walk-ins 2, " +
		"Attended in all 4, Answered the form 1 · 25% of those who came"
	if got := e.funnelTitle(m.ID); got != want {
		t.Fatalf("funnel chart:\n got %s\nwant %s", got, want)
	}
	e.exec(`UPDATE users SET lang = 'ru' WHERE id = $1`, e.User.ID)
	mustContain(t, "Russian funnel", e.funnelTitle(m.ID), "Ответили «да» 3 · 75% от приглашённых",
		"Пришли после «да» 2 · 66,7% от ответивших «да»", "Без приглашения 2, Пришли всего 4",
		"Заполнили форму 1 · 25% от пришедших")
}

// TestReportFeedbackRateAfterUndoneCheckIn: three people checked in and answered, then one
// check-in was undone: their answer shows they came, so all three attended (one of them by their
// answer) and the answered rate is 100 %, not 150 %.
func TestReportFeedbackRateAfterUndoneCheckIn(t *testing.T) {
	e := newReportEnv(t)
	m := e.meetup("Undo", time.Now().Add(-3*time.Hour), "")
	ppl := e.people("u", 3, "en")
	for _, p := range ppl {
		e.rsvp(m.ID, p, "yes", true)
		e.feedback(m.ID, p, 4, 9, 4, "", "", "")
	}
	e.api.json(t, "DELETE", "/api/v1/meetups/"+m.ID+"/attendance", map[string]any{"emails": []string{"u-2@example.com"}}, 200, nil)
	r := e.report(m.ID)
	if r.Funnel.Attended != 3 || r.Funnel.AttendedByAnswer != 1 || r.Funnel.Feedback != 3 || r.FunnelRates.Feedback == nil || *r.FunnelRates.Feedback != 100 {
		t.Fatalf("funnel %+v, answered rate %v; want attended 3 (1 by answer), 3 answers, 100 %%", r.Funnel, r.FunnelRates.Feedback)
	}
	if got := e.funnelTitle(m.ID); !strings.Contains(got, "Attended in all 3, Counted by answer 1, Answered the form 3 · 100%") {
		t.Fatalf("funnel chart: %s", got)
	}
}

// TestReportAttendedRateCountsOnlyTheYes: of 2 who said yes only 1 came, but 3 invitees who said
// maybe, did not answer or said no came too: the rate is 50 %, not 200 %, printed beside the 1
// it counts; those 3 show as a bar of their own, all 4 as attended in all, and the JSON names
// both parts. In English and Russian.
func TestReportAttendedRateCountsOnlyTheYes(t *testing.T) {
	e := newReportEnv(t)
	m := e.meetup("Crowd", time.Now().Add(-3*time.Hour), "")
	ppl := e.people("c", 5, "en")
	for i, status := range []string{"yes", "yes", "maybe", "invited", "no"} {
		e.rsvp(m.ID, ppl[i], status, i != 1)
	}
	res := e.api.json(t, "GET", "/api/v1/meetups/"+m.ID+"/report", nil, 200, nil)
	mustContain(t, "report JSON", res.Body,
		`"funnel":{"invited":5,"yes":2,"attended":4,"attended_yes":1,"attended_others":3,"walk_ins":0,`,
		`"funnel_rates":{"yes":40,"attended_yes":50,"attended":50,`)
	want := "Funnel: Invited 5, Said yes 2 · 40% of invited, Came after a yes 1 · 50% of the yes, Came without a yes 3, " +
		"Walk-ins 0, Attended in all 4, Answered the form 0 · 0% of those who came"
	if got := e.funnelTitle(m.ID); got != want {
		t.Fatalf("funnel chart:\n got %s\nwant %s", got, want)
	}
	e.exec(`UPDATE users SET lang = 'ru' WHERE id = $1`, e.User.ID)
	mustContain(t, "Russian funnel", e.funnelTitle(m.ID), "Пришли после «да» 1 · 50% от ответивших «да»",
		"Пришли без «да» 3", "Пришли всего 4")
}
