package models_test

import (
	"context"
	"sync"
	"testing"

	"github.com/convene/convene/models"
)

// answerAll sends the answers at once from one goroutine each and returns the errors.
func answerAll(f *fixture, answers []models.Answer) []error {
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, len(answers))
	for i, a := range answers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = f.store.Answer(context.Background(), a, models.RecordEvent)
		}()
	}
	close(start)
	wg.Wait()
	return errs
}

// TestFiveHundredYesOnFiftySeats: exactly 50 confirmed, 450 waitlisted at positions 1..450,
// each told once, no error.
func TestFiveHundredYesOnFiftySeats(t *testing.T) {
	f := newFixture(t, 500, 50, nil)
	var answers []models.Answer
	for _, p := range f.people {
		answers = append(answers, f.ans(p, models.RSVPYes, models.ModeInPerson))
	}
	for i, err := range answerAll(f, answers) {
		if err != nil {
			t.Fatalf("answer %d: %v", i, err)
		}
	}
	c := countStates(f.statuses(t))
	if c[models.RSVPYes] != 50 || c[models.RSVPWaitlisted] != 450 {
		t.Fatalf("counts = %s, want 50 yes and 450 waitlisted", fmtCounts(c))
	}
	ctx := context.Background()
	seen := map[int]bool{}
	for _, p := range f.waitlist(t, models.ModeInPerson) {
		r, _ := f.store.GetRSVP(ctx, f.meetup.ID, p)
		pos, err := f.store.WaitlistPosition(ctx, r)
		if err != nil || pos < 1 || pos > 450 || seen[pos] {
			t.Fatalf("position %d (%v) repeated or out of 1..450", pos, err)
		}
		seen[pos] = true
	}
	ev := f.events(t)
	if len(ev[models.EventWaitlisted]) != 450 || len(ev[models.EventPromoted]) != 0 {
		t.Fatalf("events: %d waitlisted, %d promoted", len(ev[models.EventWaitlisted]), len(ev[models.EventPromoted]))
	}
	for p, n := range ev[models.EventWaitlisted] {
		if n != 1 {
			t.Fatalf("%s told %d times", p, n)
		}
	}
	f.checkInvariants(t)
}

// TestCancellationsRacingNewYes: 20 people give their seats back while 20 others say yes; the
// 20 earliest on the waitlist are promoted, once each, and the newcomers wait behind the rest.
func TestCancellationsRacingNewYes(t *testing.T) {
	f := newFixture(t, 120, 50, nil)
	for _, p := range f.people[:100] {
		f.answer(t, p, models.RSVPYes, models.ModeInPerson)
	}
	before := f.waitlist(t, models.ModeInPerson)
	if len(before) != 50 {
		t.Fatalf("waitlist has %d, want 50", len(before))
	}
	var answers []models.Answer
	for i := 0; i < 20; i++ {
		answers = append(answers, f.ans(f.people[i], models.RSVPNo, models.ModeInPerson))
		answers = append(answers, f.ans(f.people[100+i], models.RSVPYes, models.ModeInPerson))
	}
	for i, err := range answerAll(f, answers) {
		if err != nil {
			t.Fatalf("answer %d: %v", i, err)
		}
	}
	st := f.statuses(t)
	promoted := f.events(t)[models.EventPromoted]
	for i, p := range before {
		want := models.RSVPWaitlisted
		if i < 20 {
			want = models.RSVPYes
			if promoted[p] != 1 {
				t.Errorf("waiter %d promoted %d times, want once", i+1, promoted[p])
			}
		}
		if st[p] != want {
			t.Errorf("waiter %d is %s, want %s", i+1, st[p], want)
		}
	}
	if len(promoted) != 20 {
		t.Errorf("%d people promoted, want 20", len(promoted))
	}
	after := f.waitlist(t, models.ModeInPerson)
	if c := countStates(st); c[models.RSVPYes] != 50 || len(after) != 50 {
		t.Fatalf("counts %s, waitlist %d; want 50 yes, 50 waiting", fmtCounts(c), len(after))
	}
	for i := 0; i < 30; i++ {
		if after[i] != before[20+i] {
			t.Fatalf("waitlist order changed at %d", i+1)
		}
	}
	f.checkInvariants(t)
}
