package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// seedAudienceSQL puts $2 people in team $1's Engineering department.
const seedAudienceSQL = `
INSERT INTO people (team_id, email, name, department)
SELECT $1, 'p' || g || '@example.com', 'Person ' || g, 'Engineering' FROM generate_series(1, $2) g`

// BenchmarkSurveySend sends a survey to an audience of 10,000: members, invitations and personal
// links in one transaction, the mails handed over as one batch (rendering and the outbox not included).
func BenchmarkSurveySend(b *testing.B) {
	store := testutil.DB(b)
	ctx := context.Background()
	team, err := store.EnsureTeam(ctx, "Bench")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := store.DB.ExecContext(ctx, seedAudienceSQL, team.ID, surveyAnswers); err != nil {
		b.Fatal(err)
	}
	aud, err := store.CreateAudience(ctx, team.ID, models.Audience{Name: "Eng", Departments: []string{"Engineering"}})
	if err != nil {
		b.Fatal(err)
	}
	lk := models.NewLinker("a-secret-of-at-least-thirty-two-characters")
	none := func(context.Context, sqlx.ExtContext, models.Meetup, models.Survey, []models.SurveyRecipient) error {
		return nil
	}
	var total time.Duration
	for b.Loop() {
		m, err := store.CreateMeetup(ctx, team.ID, "", models.NewMeetup{Title: "Bench", AudienceID: &aud})
		if err != nil {
			b.Fatal(err)
		}
		in := models.SurveyInput{Question: "Q", Topics: []string{"Go"}, ClosesAt: time.Now().Add(time.Hour).Format(time.RFC3339)}
		if _, err := store.DefineSurvey(ctx, team.ID, "", m.ID, in); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		n, err := store.SendSurvey(ctx, lk, team.ID, "", m.ID, none)
		total += time.Since(start)
		if err != nil || n != surveyAnswers {
			b.Fatalf("sent %d, %v", n, err)
		}
	}
	ms := float64(total.Microseconds()) / 1000 / float64(b.N)
	b.ReportMetric(ms, "ms/send")
	fmt.Printf("survey send to %d people (invites and links, no rendering): %.0f ms\n", surveyAnswers, ms)
}
