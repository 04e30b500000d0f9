package models_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// surveyFix is a team with an Engineering audience, a meetup for it and a mail recorder.
type surveyFix struct {
	store  *models.Store
	ctx    context.Context
	team   models.Team
	meetup models.Meetup
	lk     *models.Linker
	mail   *mailLog
}

// mailLog records what the survey functions handed to the outbox.
type mailLog struct {
	mu   sync.Mutex
	sent []models.SurveyRecipient
}

// send is a models.SurveyMail that records the recipients.
func (l *mailLog) send(_ context.Context, _ sqlx.ExtContext, _ models.Meetup, _ models.Survey, rs []models.SurveyRecipient) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sent = append(l.sent, rs...)
	return nil
}

// take returns and forgets the recorded mail.
func (l *mailLog) take() []models.SurveyRecipient {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.sent
	l.sent = nil
	return out
}

// newSurveyFix creates engineers e0..e(n-1)@example.com (in the audience) and one sales person (not).
func newSurveyFix(t *testing.T, engineers int) *surveyFix {
	t.Helper()
	f := &surveyFix{store: testutil.DB(t), ctx: context.Background(), mail: &mailLog{},
		lk: models.NewLinker("a-secret-of-at-least-thirty-two-characters")}
	var err error
	if f.team, err = f.store.EnsureTeam(f.ctx, "Survey team"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < engineers; i++ {
		f.addPerson(t, fmt.Sprintf("e%d@example.com", i), "Engineering")
	}
	f.addPerson(t, "sales@example.com", "Sales")
	aud, err := f.store.CreateAudience(f.ctx, f.team.ID, models.Audience{Name: "Eng", Departments: []string{"engineering"}})
	if err != nil {
		t.Fatal(err)
	}
	f.meetup, err = f.store.CreateMeetup(f.ctx, f.team.ID, "", models.NewMeetup{Title: "Tech talk",
		Timezone: "Europe/Berlin", AudienceID: &aud})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// addPerson adds one person to the team's directory.
func (f *surveyFix) addPerson(t *testing.T, email, dept string) {
	t.Helper()
	p := models.Person{Email: email, Name: email, Department: dept, Timezone: "UTC", Language: "en"}
	if _, err := models.UpsertPerson(f.ctx, f.store.DB, f.team.ID, p); err != nil {
		t.Fatal(err)
	}
}

// personID returns the id of the person with that email.
func (f *surveyFix) personID(t *testing.T, email string) string {
	t.Helper()
	var id string
	if err := f.store.DB.GetContext(f.ctx, &id, `SELECT id FROM people WHERE email = $1`, email); err != nil {
		t.Fatal(err)
	}
	return id
}

// define defines the survey with these topics, closing in a week.
func (f *surveyFix) define(t *testing.T, topics ...string) models.Survey {
	t.Helper()
	in := models.SurveyInput{Question: "What next?", Topics: topics,
		ClosesAt: time.Now().Add(7 * 24 * time.Hour).Format(time.RFC3339)}
	sv, err := f.store.DefineSurvey(f.ctx, f.team.ID, "", f.meetup.ID, in)
	if err != nil {
		t.Fatalf("define: %v", err)
	}
	return sv
}

// answer saves an answer of the person with that email.
func (f *surveyFix) answer(t *testing.T, email string, a models.SurveyAnswer) {
	t.Helper()
	if err := f.store.SaveAnswer(f.ctx, f.meetup.ID, f.personID(t, email), a); err != nil {
		t.Fatalf("answer of %s: %v", email, err)
	}
}

// results tallies the survey.
func (f *surveyFix) results(t *testing.T) models.SurveyResults {
	t.Helper()
	r, err := f.store.SurveyResults(f.ctx, f.team.ID, f.meetup.ID)
	if err != nil {
		t.Fatalf("results: %v", err)
	}
	return r
}

// exec runs SQL for test setup.
func (f *surveyFix) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := f.store.DB.ExecContext(f.ctx, q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
