package models_test

import (
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestFeedbackTopicSuggestedByAnotherAtTheSameTime: while another answer's transaction is adding
// the topic "Rust in production" to the backlog, this answer names it too; it waits for that one
// and is then stored (the topic once), not refused as "not found".
func TestFeedbackTopicSuggestedByAnotherAtTheSameTime(t *testing.T) {
	f := newFeedbackFix(t, 1)
	f.rsvp(t, 0, "yes", false)
	f.sendNow(t)
	other, err := f.store.DB.BeginTxx(f.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Rollback()
	if _, err := other.ExecContext(f.ctx, `INSERT INTO topic_ideas (team_id, title, source) VALUES ($1, 'Rust in production', 'feedback')`, f.team.ID); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := f.store.SaveFeedback(f.ctx, f.meetup.ID, f.people[0], models.FeedbackInput{Rating: "4", NextTopics: "rust in production"}, f.alert)
		done <- err
	}()
	waitForLockWait(t, f)
	if err := other.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("the answer naming a topic another answer was adding = %v, want it stored", err)
	}
	var n int
	if err := f.store.DB.GetContext(f.ctx, &n, `SELECT count(*) FROM feedback WHERE person_id = $1`, f.people[0]); err != nil || n != 1 {
		t.Fatalf("answers stored = %d (%v), want 1", n, err)
	}
}

// waitForLockWait returns once some session of the test's database waits for a lock.
func waitForLockWait(t *testing.T, f *feedbackFix) {
	t.Helper()
	for i := 0; i < 1000; i++ {
		var waiting bool
		err := f.store.DB.GetContext(f.ctx, &waiting, `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock')`)
		if err != nil {
			t.Fatal(err)
		}
		if waiting {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the answer never waited for the other transaction")
}
