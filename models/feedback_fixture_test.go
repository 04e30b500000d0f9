package models_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// feedbackFix is a team with an organiser, people p0..p(n-1)@example.com, a meetup that ended an
// hour ago, and recorders for the form mails and the organiser alerts.
type feedbackFix struct {
	store  *models.Store
	url    string
	ctx    context.Context
	team   models.Team
	user   models.User
	meetup models.Meetup
	lk     *models.Linker
	people []string
	mu     sync.Mutex
	mailed []models.FeedbackRecipient
	alerts []models.FeedbackAlert
}

func newFeedbackFix(t *testing.T, n int) *feedbackFix {
	t.Helper()
	f := &feedbackFix{url: testutil.DBURL(t), ctx: context.Background(),
		lk: models.NewLinker("a-secret-of-at-least-thirty-two-characters")}
	f.store = testutil.Open(t, f.url, 8)
	f.team = newTeam(t, f.store, "Feedback team")
	f.user = newUser(t, f.store, f.team.ID, "organiser@example.com")
	for i := 0; i < n; i++ {
		p := models.Person{Email: fmt.Sprintf("p%d@example.com", i), Name: fmt.Sprintf("Person %d", i), Timezone: "UTC", Language: "en"}
		if _, err := models.UpsertPerson(f.ctx, f.store.DB, f.team.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	err := f.store.DB.SelectContext(f.ctx, &f.people, `SELECT id FROM people ORDER BY (substring(email from '[0-9]+'))::int`)
	if err != nil {
		t.Fatal(err)
	}
	f.meetup, err = f.store.CreateMeetup(f.ctx, f.team.ID, f.user.ID, models.NewMeetup{Title: "Go lunch", Timezone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	f.exec(t, `UPDATE meetups SET stage = 'scheduled', starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, f.meetup.ID)
	return f
}

// exec runs a statement of the test's own.
func (f *feedbackFix) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := f.store.DB.ExecContext(f.ctx, q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// rsvp records person i's answer, checked in or not.
func (f *feedbackFix) rsvp(t *testing.T, i int, status string, checkedIn bool) {
	t.Helper()
	f.exec(t, `INSERT INTO rsvps (meetup_id, person_id, team_id, status, checked_in_at)
		VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END)`, f.meetup.ID, f.people[i], f.team.ID, status, checkedIn)
}

// mail is a models.FeedbackMail that records the recipients.
func (f *feedbackFix) mail(_ context.Context, _ sqlx.ExtContext, _ models.Meetup, _ models.FeedbackWindow, rs []models.FeedbackRecipient) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mailed = append(f.mailed, rs...)
	return nil
}

// alert is a models.FeedbackAlertMail that records the alert.
func (f *feedbackFix) alert(_ context.Context, _ sqlx.ExtContext, a models.FeedbackAlert) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.alerts = append(f.alerts, a)
	return nil
}

// took returns and forgets the recorded form mails as "kind email" lines.
func (f *feedbackFix) took() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, r := range f.mailed {
		out = append(out, r.Kind+" "+r.Email)
	}
	f.mailed = nil
	return out
}

// alerted returns and forgets the recorded alerts as "reason rating to..." lines.
func (f *feedbackFix) alerted() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, a := range f.alerts {
		s := fmt.Sprintf("%s %d", a.Reason, a.Answer.Rating)
		for _, o := range a.Organisers {
			s += " " + o.Email
		}
		out = append(out, s)
	}
	f.alerts = nil
	return out
}

// answer saves person i's answer or fails.
func (f *feedbackFix) answer(t *testing.T, i int, in models.FeedbackInput) models.Feedback {
	t.Helper()
	fb, err := f.store.SaveFeedback(f.ctx, f.meetup.ID, f.people[i], in, f.alert)
	if err != nil {
		t.Fatalf("answer of p%d: %v", i, err)
	}
	return fb
}

// due runs the scheduled work once and returns who it mailed.
func (f *feedbackFix) due(t *testing.T) []string {
	t.Helper()
	if _, _, err := f.store.SendDueFeedback(f.ctx, f.lk, f.mail); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.RemindDueFeedback(f.ctx, f.lk, f.mail); err != nil {
		t.Fatal(err)
	}
	return f.took()
}
