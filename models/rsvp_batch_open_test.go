package models_test

import (
	"context"
	"sync"
	"testing"

	"github.com/convene/convene/models"
)

// TestNextBatchWaitsForTheLockAndLetsGo: while a batch holds the meetup's row lock, the next
// batch's transaction is already asking for it; once the answers are all taken, that opened
// transaction is rolled back, so nothing is left holding the lock or idle in a transaction and
// an organiser's change of the meetup goes through at once.
func TestNextBatchWaitsForTheLockAndLetsGo(t *testing.T) {
	f := newFixture(t, 60, 10, nil)
	f.invite(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	release := f.holdForBatch(t, &wg, f.people[0], models.RSVPYes)
	for _, p := range f.people[1:40] {
		wg.Go(func() { f.answer(t, p, models.RSVPYes, models.ModeInPerson) })
	}
	waitFor(t, func() bool { return f.store.AnswersWaiting(f.meetup.ID) == 39 })
	release()
	wg.Wait()
	waitFor(t, func() bool { return lockWaiters(t, f) == 0 && idleInTx(t, f) == 0 })
	lock, err := f.store.DB.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	if _, err := lock.Exec(`SELECT 1 FROM meetups WHERE id = $1 FOR UPDATE NOWAIT`, f.meetup.ID); err != nil {
		t.Fatalf("the meetup's row is still locked after the answers: %v", err)
	}
	if c := countStates(f.statuses(t)); c[models.RSVPYes] != 10 || c[models.RSVPWaitlisted] != 30 {
		t.Errorf("states %v, want 10 yes and 30 waitlisted", c)
	}
	if batches, failed := f.store.AnswerBatches(); batches < 2 || failed != 0 {
		t.Errorf("%d batches, %d failed; want two or more, none failed", batches, failed)
	}
	f.checkInvariants(t)
}

// lockWaiters counts the sessions of the test's database waiting for a lock.
func lockWaiters(t *testing.T, f *fixture) int {
	t.Helper()
	var n int
	if err := f.store.DB.Get(&n, `SELECT count(*) FROM pg_stat_activity
		WHERE datname = current_database() AND wait_event_type = 'Lock'`); err != nil {
		t.Fatal(err)
	}
	return n
}

// idleInTx counts the sessions of the test's database idle inside a transaction.
func idleInTx(t *testing.T, f *fixture) int {
	t.Helper()
	var n int
	if err := f.store.DB.Get(&n, `SELECT count(*) FROM pg_stat_activity
		WHERE datname = current_database() AND state LIKE 'idle in transaction%'`); err != nil {
		t.Fatal(err)
	}
	return n
}

// holdForBatch holds the meetup's row lock and has person answer, so that the batch taking that
// answer waits for the lock and the answers sent next line up for the batch after it; release
// lets the lock go.
func (f *fixture) holdForBatch(t *testing.T, wg *sync.WaitGroup, person, status string) (release func()) {
	t.Helper()
	waitFor(t, func() bool { return !f.store.Draining(f.meetup.ID) }) // earlier answers' drain done
	hold, err := f.store.DB.BeginTxx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hold.Exec(`SELECT 1 FROM meetups WHERE id = $1 FOR UPDATE`, f.meetup.ID); err != nil {
		t.Fatal(err)
	}
	wg.Go(func() { f.answer(t, person, status, models.ModeInPerson) })
	waitFor(t, func() bool { return lockWaiters(t, f) == 1 })
	return func() {
		if err := hold.Rollback(); err != nil {
			t.Error(err)
		}
	}
}
