package handlers_test

import (
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestReportAPINumbers reads the report of reportFixture through the API.
func TestReportAPINumbers(t *testing.T) {
	t.Parallel()
	e := newReportEnv(t)
	m := reportFixture(e)
	r := e.report(m.ID)
	f := r.Funnel
	if f.Invited != 9 || f.Yes != 6 || f.Attended != 5 || f.WalkIns != 1 || f.Feedback != 4 || f.AttendedOrAnswered != 5 {
		t.Fatalf("funnel = %+v, want invited 9, yes 6, attended 5 (1 walk-in), feedback 4 of 5", f)
	}
	// Attended: the 4 of the 6 yes who came (the walk-in left out); answered: 4 of 5.
	if r.FunnelRates.Yes == nil || *r.FunnelRates.Yes != 66.7 || *r.FunnelRates.Attended != 66.7 || *r.FunnelRates.Feedback != 80 {
		t.Fatalf("rates = %v %v %v", *r.FunnelRates.Yes, *r.FunnelRates.Attended, *r.FunnelRates.Feedback)
	}
	if r.Rating.Count != 4 || r.Rating.Average == nil || *r.Rating.Average != 3.75 {
		t.Fatalf("rating = %+v", r.Rating)
	}
	want := map[string]int{"1": 0, "2": 1, "3": 0, "4": 2, "5": 1}
	for k, v := range want {
		if r.Rating.Distribution[k] != v {
			t.Fatalf("distribution = %v, want %v", r.Rating.Distribution, want)
		}
	}
	// 2 promoters, 1 passive, 1 detractor of 4: 50% − 25% = 25.
	if r.NPS == nil || *r.NPS != 25 || r.NPSDetail.Promoters != 2 || r.NPSDetail.Passives != 1 || r.NPSDetail.Detractors != 1 {
		t.Fatalf("nps = %v %+v", r.NPS, r.NPSDetail)
	}
	if r.Impact == nil || *r.Impact != 3.67 || r.ImpactAnswers != 3 {
		t.Fatalf("impact = %v (%d)", r.Impact, r.ImpactAnswers)
	}
	if len(r.Comments) != 3 {
		t.Fatalf("comments = %+v", r.Comments)
	}
	if len(r.SuggestedTopics) != 3 || r.SuggestedTopics[0].Title != "Fuzzing" || r.SuggestedTopics[0].Mentions != 2 {
		t.Fatalf("suggested topics = %+v", r.SuggestedTopics)
	}
}

// TestReportNPSEdges: all promoters is +100, all detractors −100, no answers null (and the
// rating average null, the funnel rates null where a step before is 0).
func TestReportNPSEdges(t *testing.T) {
	t.Parallel()
	e := newReportEnv(t)
	ppl := e.people("q", 3, "en")
	cases := []struct {
		name string
		nps  []int
		want *int
	}{
		{"all promoters", []int{9, 10, 10}, ptr(100)},
		{"all detractors", []int{0, 6, 3}, ptr(-100)},
		{"passives only", []int{7, 8, 8}, ptr(0)},
		{"no nps answers", []int{-1, -1, -1}, nil},
	}
	for i, tc := range cases {
		m := e.meetup(tc.name, time.Now().Add(-time.Duration(i+2)*time.Hour), "")
		for j, n := range tc.nps {
			e.feedback(m.ID, ppl[j], 5, n, -1, "", "", "")
		}
		r := e.report(m.ID)
		if (r.NPS == nil) != (tc.want == nil) || (r.NPS != nil && *r.NPS != *tc.want) {
			t.Errorf("%s: nps = %v, want %v", tc.name, deref(r.NPS), deref(tc.want))
		}
	}
	empty := e.meetup("Nobody answered", time.Now().Add(-time.Hour), "")
	res := e.api.json(t, "GET", "/api/v1/meetups/"+empty.ID+"/report", nil, 200, nil)
	for _, part := range []string{`"nps":null`, `"average":null`, `"impact":null`, `"funnel":{"invited":0,"yes":0,"attended":0,"attended_yes":0,"attended_others":0,"walk_ins":0,"feedback":0,"attended_or_answered":0,"speakers":0,"speakers_checked_in":0,"attended_by_answer":0}`,
		`"funnel_rates":{"yes":null,"attended_yes":null,"attended":null,"feedback":null}`, `"comments":[]`, `"suggested_topics":[]`} {
		mustContain(t, "empty report", res.Body, part)
	}
}

// TestReportOtherTeam: another team's meetup is a 404 in the API and the page.
func TestReportOtherTeam(t *testing.T) {
	t.Parallel()
	e := newReportEnv(t)
	other, _ := e.AddUser(t, "Other Team", "other@example.com", "organiser")
	var id string
	if err := e.Store.DB.GetContext(e.ctx, &id, `INSERT INTO meetups (team_id, title, ical_uid) VALUES ($1, 'Theirs', 'x@convene') RETURNING id`, other.ID); err != nil {
		t.Fatal(err)
	}
	apiError(t, "other team's report", e.api.call(t, "GET", "/api/v1/meetups/"+id+"/report", "", nil), 404, "not_found")
	if res := e.c.Get(t, "/meetups/"+id+"/report"); res.Status != 404 {
		t.Fatalf("other team's report page = %d", res.Status)
	}
	apiError(t, "bad id", e.api.call(t, "GET", "/api/v1/meetups/nope/report", "", nil), 404, "not_found")
}

func ptr(n int) *int { return &n }

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// reportFixture is a meetup that ended with 9 invited, 6 yes, 5 checked in (4 of the yes and a
// walk-in, whose RSVP says yes as the door makes it) and 4 answers (ratings 5, 4, 4, 2; NPS 10, 9, 7, 3; impact 5, 4, 2).
func reportFixture(e *reportEnv) models.Meetup {
	e.t.Helper()
	m := e.meetup("Go generics", time.Now().Add(-3*time.Hour), "")
	ppl := e.people("p", 10, "en")
	for i, id := range ppl[:9] {
		status := "no"
		if i < 6 {
			status = "yes"
		}
		e.rsvp(m.ID, id, status, i < 4)
	}
	e.exec(`INSERT INTO rsvps (meetup_id, person_id, team_id, status, walk_in, checked_in_at) VALUES ($1, $2, $3, 'yes', true, now())`, m.ID, ppl[9], e.Team.ID)
	e.feedback(m.ID, ppl[0], 5, 10, 5, "The live demo", "", "Generics in depth; Fuzzing")
	e.feedback(m.ID, ppl[1], 4, 9, 4, "", "More time for questions", "fuzzing\nProfiling")
	e.feedback(m.ID, ppl[2], 4, 7, -1, "", "", "")
	e.feedback(m.ID, ppl[3], 2, 3, 2, "Slides", "Too fast", "")
	return m
}

// TestReportFunnelWithoutCheckIn: when nobody was checked in, the yes count as attended — the
// people the feedback form went to — so the answered rate stays a share of them.
func TestReportFunnelWithoutCheckIn(t *testing.T) {
	t.Parallel()
	e := newReportEnv(t)
	ppl := e.people("n", 4, "en")
	m := e.meetup("No check-in", time.Now().Add(-3*time.Hour), "")
	for i, p := range ppl {
		e.rsvp(m.ID, p, map[bool]string{true: "yes", false: "no"}[i < 3], false)
	}
	e.feedback(m.ID, ppl[0], 4, 9, 4, "", "", "")
	e.feedback(m.ID, ppl[1], 5, 10, 5, "", "", "")
	r := e.report(m.ID)
	if r.Funnel.Yes != 3 || r.Funnel.Attended != 3 || r.Funnel.Feedback != 2 {
		t.Fatalf("funnel = %+v, want yes 3, attended 3 (no check-in: the yes), feedback 2", r.Funnel)
	}
	if rate := r.Funnel.Rates().Feedback; rate == nil || *rate != 66.7 {
		t.Fatalf("answered rate = %v, want 66.7", rate)
	}
}
