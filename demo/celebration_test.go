package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/convene/convene/demo"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestDemoHasStep6: the demo holds a fading series of six past lunch-and-learns, a celebrated
// meetup with answers and suggested topics, and one that has ended and waits to be celebrated;
// loading twice adds nothing.
func TestDemoHasStep6(t *testing.T) {
	store := testutil.DB(t)
	ctx := context.Background()
	for range 2 {
		if _, err := demo.Load(ctx, store, nil); err != nil {
			t.Fatal(err)
		}
	}
	team, err := store.EnsureTeam(ctx, demo.TeamName)
	if err != nil {
		t.Fatal(err)
	}
	var seriesID string
	if err := store.DB.GetContext(ctx, &seriesID, `SELECT id FROM series WHERE name = 'Lunch & Learn'`); err != nil {
		t.Fatalf("one demo series: %v", err)
	}
	tr, err := store.SeriesTrend(ctx, team.ID, seriesID)
	if err != nil {
		t.Fatal(err)
	}
	var att []int
	for _, p := range tr.Points {
		att = append(att, p.Attendance)
		if p.Rating == nil {
			t.Fatalf("meetup %s has no rating", p.Title)
		}
	}
	if len(att) != 6 || !tr.Fading.Fading || !tr.Fading.AttendanceDrop {
		t.Fatalf("series attendance %v, fading %+v", att, tr.Fading)
	}
	finished := meetupID(t, store, "Incident reviews that teach")
	r, err := store.MeetupReport(ctx, team.ID, finished)
	if err != nil {
		t.Fatal(err)
	}
	if r.Funnel.Attended != 16 || r.Funnel.Feedback != 11 || r.NPS == nil || len(r.Comments) == 0 ||
		len(r.SuggestedTopics) < 3 || !r.SuggestedTopics[0].InBacklog || r.Celebration.CelebratedAt == nil {
		t.Fatalf("finished meetup report: %+v", r)
	}
	var actions []string
	if err := store.DB.SelectContext(ctx, &actions, `SELECT action FROM audit_log WHERE target = $1 AND action LIKE 'meetup.celebrate%'`, finished); err != nil ||
		len(actions) != 1 || actions[0] != "meetup.celebrate_recorded" {
		t.Fatalf("the demo's past celebration is audited as %v (%v); it sent no mail, so not as meetup.celebrate", actions, err)
	}
	ended := meetupID(t, store, "Lunch & Learn: Testing with real databases")
	cel, err := store.GetCelebration(ctx, team.ID, ended)
	if err != nil || cel.Refusal(time.Now()) != nil || cel.Stage != models.StageScheduled {
		t.Fatalf("the just-ended meetup cannot be celebrated: %+v %v %v", cel, err, cel.Refusal(time.Now()))
	}
}

// meetupID finds a demo meetup by title.
func meetupID(t *testing.T, store *models.Store, title string) string {
	t.Helper()
	var id string
	if err := store.DB.GetContext(context.Background(), &id, `SELECT id FROM meetups WHERE title = $1`, title); err != nil {
		t.Fatalf("meetup %q: %v", title, err)
	}
	return id
}
