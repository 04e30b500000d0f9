package models_test

import (
	"context"
	"sync"
	"testing"

	"github.com/convene/convene/models"
)

// TestBatchConnectionCutMidDrain: the connection a drain's batch runs on is cut while the batch
// waits for the meetup's lock. That batch's answer is taken alone; the answers waiting behind it
// go in a batch on a fresh connection (one batch failed, not two), and every answer counts.
func TestBatchConnectionCutMidDrain(t *testing.T) {
	f := newFixture(t, 40, 10, nil)
	f.invite(t)
	var wg sync.WaitGroup
	release := f.holdForBatch(t, &wg, f.people[0], models.RSVPYes)
	var cut int
	if err := f.store.DB.Get(&cut, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = current_database() AND wait_event_type = 'Lock'`); err != nil || cut != 1 {
		t.Fatalf("cut %d connections waiting for the lock (%v), want 1", cut, err)
	}
	for _, p := range f.people[1:30] {
		wg.Go(func() { f.answer(t, p, models.RSVPYes, models.ModeInPerson) })
	}
	waitFor(t, func() bool { return f.store.AnswersWaiting(f.meetup.ID) == 29 })
	release()
	wg.Wait()
	for _, p := range f.people[30:] {
		wg.Go(func() { f.answer(t, p, models.RSVPYes, models.ModeInPerson) })
	}
	wg.Wait()
	if c := countStates(f.statuses(t)); c[models.RSVPYes] != 10 || c[models.RSVPWaitlisted] != 30 {
		t.Errorf("states %v, want 10 yes and 30 waitlisted", c)
	}
	if _, failed := f.store.AnswerBatches(); failed != 1 {
		t.Errorf("%d batches failed as a whole, want 1 (the one whose connection was cut)", failed)
	}
	f.checkInvariants(t)
}

// TestDrainsOfManyMeetupsOnASmallPool: each meetup's drain keeps two connections; with more
// meetups answered at once than a small pool has pairs for, and other transactions besides,
// every answer is still taken (no drain waits forever for a connection) and the pool is
// given back whole.
func TestDrainsOfManyMeetupsOnASmallPool(t *testing.T) {
	for _, pool := range []int{3, 4, 5} {
		f := newFixture(t, 30, 5, nil)
		f.store.SetPoolSize(pool)
		meetups := []string{f.meetup.ID}
		for range 4 {
			m, err := f.store.CreateMeetup(context.Background(), f.team, "", models.NewMeetup{Title: "More", Format: "talk", Timezone: "UTC"})
			if err != nil {
				t.Fatal(err)
			}
			meetups = append(meetups, f.schedule(t, m.ID, 5, nil).ID)
		}
		var answers []models.Answer
		for _, id := range meetups {
			if _, err := f.store.DB.Exec(`INSERT INTO rsvps (meetup_id, person_id, team_id, invited_at)
				SELECT $1, id, team_id, now() FROM people WHERE team_id = $2`, id, f.team); err != nil {
				t.Fatal(err)
			}
			for _, p := range f.people {
				answers = append(answers, models.Answer{TeamID: f.team, MeetupID: id, PersonID: p, Status: models.RSVPYes, Mode: models.ModeInPerson})
			}
		}
		var wg sync.WaitGroup
		for range 2 * pool {
			wg.Go(func() { f.schedule(t, meetups[1], 5, nil) }) // other transactions, locking a meetup too
		}
		for i, err := range answerAll(f, answers) {
			if err != nil {
				t.Fatalf("pool %d: answer %d: %v", pool, i, err)
			}
		}
		wg.Wait()
		for _, id := range meetups {
			var yes, waiting int
			if err := f.store.DB.QueryRow(`SELECT count(*) FILTER (WHERE status = 'yes'), count(*) FILTER (WHERE status = 'waitlisted')
				FROM rsvps WHERE meetup_id = $1`, id).Scan(&yes, &waiting); err != nil {
				t.Fatal(err)
			}
			if yes != 5 || waiting != 25 {
				t.Errorf("pool %d, meetup %s: %d yes and %d waitlisted, want 5 and 25", pool, id, yes, waiting)
			}
		}
		waitFor(t, func() bool { return f.store.DB.Stats().InUse == 0 })
	}
}
