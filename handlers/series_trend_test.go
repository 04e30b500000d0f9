package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// seriesSpec is one meetup of a fixture series: who of the pool came (by index) and their ratings.
type seriesSpec struct {
	from, to int // people pool[from:to] were checked in
	ratings  []int
}

// series creates a series with a fortnightly meetup per spec (the last two weeks ago) and
// returns its id.
func (e *reportEnv) series(name string, specs []seriesSpec) string {
	e.t.Helper()
	id, err := e.Store.CreateSeries(e.ctx, e.Team.ID, name, "fortnightly")
	if err != nil {
		e.t.Fatal(err)
	}
	pool := e.people(strings.ToLower(strings.ReplaceAll(name, " ", "")), 60, "en")
	for i, s := range specs {
		start := time.Now().Add(-time.Duration(len(specs)-i) * 14 * 24 * time.Hour)
		m := e.meetup(fmt.Sprintf("%s #%d", name, i+1), start, id)
		for j, p := range pool[s.from:s.to] {
			e.rsvp(m.ID, p, "yes", true)
			if j < len(s.ratings) {
				e.feedback(m.ID, p, s.ratings[j], -1, -1, "", "", "")
			}
		}
	}
	return id
}

// seriesJSON is GET /api/v1/series/{id}.
type seriesJSON struct {
	Name    string                `json:"name"`
	Meetups []models.SeriesMeetup `json:"meetups"`
	Trend   models.Trend          `json:"trend"`
}

// fadingSpecs: 10, 12, 11 people, then 8, 6, 5 (33 → 19: down by more than a third).
var fadingSpecs = []seriesSpec{
	{0, 10, []int{5, 4, 4}}, {5, 17, []int{4, 4}}, {10, 21, []int{4}}, {15, 23, []int{3, 4}}, {20, 26, []int{3}}, {40, 45, []int{3, 2}},
}

// healthySpecs: a core of regulars that grows, 8 → 12 people, everyone rated 4 or 5.
var healthySpecs = []seriesSpec{
	{0, 8, []int{4}}, {0, 9, []int{5}}, {0, 10, []int{4}}, {0, 10, []int{5}}, {0, 11, []int{5}}, {0, 12, []int{5, 4}},
}

// TestSeriesTrendFading: the API gives attendance, repeat attendees, new faces and ratings per
// meetup; the fading rule fires for a fading series and not for a healthy one; a steady
// attendance whose repeat share falls twice also fires.
func TestSeriesTrendFading(t *testing.T) {
	t.Parallel()
	e := newReportEnv(t)
	var fading, healthy, leaving seriesJSON
	e.api.json(t, "GET", "/api/v1/series/"+e.series("Fading", fadingSpecs), nil, 200, &fading)
	e.api.json(t, "GET", "/api/v1/series/"+e.series("Healthy", healthySpecs), nil, 200, &healthy)
	leave := []seriesSpec{{0, 10, nil}, {0, 10, nil}, {5, 15, nil}, {12, 22, nil}}
	e.api.json(t, "GET", "/api/v1/series/"+e.series("Leaving", leave), nil, 200, &leaving)

	pts := fading.Trend.Points
	if len(pts) != 6 || len(fading.Meetups) != 6 {
		t.Fatalf("fading series: %d points, %d meetups", len(pts), len(fading.Meetups))
	}
	var att, rep []int
	for _, p := range pts {
		att, rep = append(att, p.Attendance), append(rep, p.Repeat)
		if p.New != p.Attendance-p.Repeat {
			t.Fatalf("new faces %d ≠ %d − %d", p.New, p.Attendance, p.Repeat)
		}
	}
	if fmt.Sprint(att) != "[10 12 11 8 6 5]" || fmt.Sprint(rep) != "[0 5 7 6 3 0]" {
		t.Fatalf("attendance %v, repeat %v", att, rep)
	}
	if pts[0].Rating == nil || *pts[0].Rating != 4.33 || pts[0].Ratings != 3 {
		t.Fatalf("first rating = %v (%d)", pts[0].Rating, pts[0].Ratings)
	}
	f := fading.Trend.Fading
	if !f.Fading || !f.AttendanceDrop || f.EarlierAttendance != 33 || f.RecentAttendance != 19 {
		t.Fatalf("fading series not flagged: %+v", f)
	}
	if h := healthy.Trend.Fading; h.Fading || h.AttendanceDrop || h.RepeatFalling {
		t.Fatalf("healthy series flagged: %+v", h)
	}
	if l := leaving.Trend.Fading; !l.Fading || l.AttendanceDrop || !l.RepeatFalling {
		t.Fatalf("falling repeat share not flagged: %+v (shares %v)", l, shares(leaving.Trend))
	}
}

// shares lists a trend's repeat shares for messages.
func shares(t models.Trend) []any {
	var out []any
	for _, p := range t.Points {
		out = append(out, deref2(p.RepeatShare))
	}
	return out
}

func deref2(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
