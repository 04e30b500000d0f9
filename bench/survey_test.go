// Package bench measures Convene against its speed targets on a real PostgreSQL.
package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// surveyAnswers is the size of the tally the results page must do in ≤ 50 ms.
const surveyAnswers = 10_000

// seedSurveySQL makes $2 people of team $1 answer the survey of meetup $3: each ticks about three of
// the eight topics, one in three proposes one of 40 topics, two in five describe a problem.
const seedSurveySQL = `
WITH ppl AS (
    INSERT INTO people (team_id, email, name, department)
    SELECT $1, 'p' || g || '@example.com', 'Person ' || g, 'Engineering' FROM generate_series(1, $2) g
    RETURNING id
), inv AS (
    INSERT INTO survey_invites (meetup_id, person_id) SELECT $3, id FROM ppl RETURNING person_id
)
INSERT INTO survey_responses (meetup_id, person_id, proposal, problems, answered_at)
SELECT $3, person_id,
    CASE WHEN random() < 0.33 THEN 'Proposal ' || (random() * 40)::int ELSE '' END,
    CASE WHEN random() < 0.4 THEN 'Our build takes too long, again and again: ' || md5(random()::text) ELSE '' END,
    now() - random() * interval '3 days'
FROM inv`

const seedVotesSQL = `
INSERT INTO survey_votes (meetup_id, person_id, topic_id)
SELECT r.meetup_id, r.person_id, t.id
FROM survey_responses r JOIN survey_topics t ON t.meetup_id = r.meetup_id
WHERE r.meetup_id = $1 AND abs(hashtext(r.person_id::text || t.id::text)) % 100 < 15 + 5 * t.position`

// BenchmarkSurveyResults tallies 10,000 answers the way the results page does, before and after
// autovacuum would have run; the goal is ≤ 50 ms per tally.
func BenchmarkSurveyResults(b *testing.B) {
	store, teamID, meetupID := seedSurvey(b)
	ctx := context.Background()
	run := func(name string) {
		b.Run(name, func(b *testing.B) {
			var res models.SurveyResults
			start := time.Now()
			for b.Loop() {
				var err error
				if res, err = store.SurveyResults(ctx, teamID, meetupID); err != nil {
					b.Fatal(err)
				}
			}
			ms := float64(time.Since(start).Microseconds()) / 1000 / float64(b.N)
			b.ReportMetric(ms, "ms/tally")
			fmt.Printf("survey results, %s: %d answers, %d invited, top topic %q with %d votes: %.2f ms per tally (goal ≤ 50 ms)\n",
				name, res.Responses, res.Invited, res.Topics[0].Topic, res.Topics[0].Votes, ms)
		})
	}
	run("fresh")
	if _, err := store.DB.ExecContext(ctx, `VACUUM ANALYZE survey_votes, survey_responses, survey_invites, survey_topics`); err != nil {
		b.Fatal(err)
	}
	run("vacuumed")
}

// seedSurvey creates a team, a meetup with an eight-topic survey and 10,000 answers.
func seedSurvey(b *testing.B) (*models.Store, string, string) {
	b.Helper()
	store := testutil.DB(b)
	ctx := context.Background()
	team, err := store.EnsureTeam(ctx, "Bench")
	if err != nil {
		b.Fatal(err)
	}
	m, err := store.CreateMeetup(ctx, team.ID, "", models.NewMeetup{Title: "Bench talk", Timezone: "UTC"})
	if err != nil {
		b.Fatal(err)
	}
	in := models.SurveyInput{Question: "What next?", ClosesAt: time.Now().Add(time.Hour).Format(time.RFC3339),
		Topics: []string{"Go", "Rust", "SQL", "Kotlin", "Observability", "Security", "Testing", "Career"}}
	if _, err := store.DefineSurvey(ctx, team.ID, "", m.ID, in); err != nil {
		b.Fatal(err)
	}
	if _, err := store.DB.ExecContext(ctx, seedSurveySQL, team.ID, surveyAnswers, m.ID); err != nil {
		b.Fatal(err)
	}
	if _, err := store.DB.ExecContext(ctx, seedVotesSQL, m.ID); err != nil {
		b.Fatal(err)
	}
	return store, team.ID, m.ID
}
