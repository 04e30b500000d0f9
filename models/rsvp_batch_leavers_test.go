package models_test

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestLeaverRunPassesSeatsToThoseWhoStay: five seated people and five waiting ones say no in one
// batch (lined up behind a held lock): the five freed seats go to the five earliest waiting who
// stay, each promoted once; none of those leaving is promoted on the way out; the rest keep
// their order; every answer gets the seat count after the batch.
func TestLeaverRunPassesSeatsToThoseWhoStay(t *testing.T) {
	f := newFixture(t, 45, 10, nil)
	f.invite(t)
	for _, p := range f.people[:40] { // 0-9 seated, 10-39 waiting in order
		f.answer(t, p, models.RSVPYes, models.ModeInPerson)
	}
	var wg sync.WaitGroup
	// a first answer whose batch waits for the lock, so that the leavers line up for the next one
	release := f.holdForBatch(t, &wg, f.people[40], models.RSVPMaybe)
	leavers := append(append([]string{}, f.people[:5]...), f.people[10:15]...)
	results := make([]models.AnswerResult, len(leavers))
	for i, p := range leavers {
		wg.Go(func() { results[i] = f.answer(t, p, models.RSVPNo, models.ModeInPerson) })
	}
	waitFor(t, func() bool { return f.store.AnswersWaiting(f.meetup.ID) == len(leavers) })
	release()
	wg.Wait()
	st := f.statuses(t)
	for i, p := range f.people[:40] {
		want := models.RSVPWaitlisted
		switch {
		case i < 5 || (i >= 10 && i < 15):
			want = models.RSVPNo
		case i < 10 || i < 20:
			want = models.RSVPYes
		}
		if st[p] != want {
			t.Errorf("person %d is %s, want %s", i, st[p], want)
		}
	}
	var promoted []string
	if err := f.store.DB.Select(&promoted, `SELECT person_id FROM rsvp_events WHERE meetup_id = $1 AND kind = 'promoted'
		ORDER BY person_id`, f.meetup.ID); err != nil {
		t.Fatal(err)
	}
	want := slices.Sorted(slices.Values(f.people[15:20]))
	if !slices.Equal(promoted, want) {
		t.Errorf("promoted %v, want people 15-19 %v once each", promoted, want)
	}
	for i, r := range results {
		if r.RSVP.Status != models.RSVPNo || !r.Seats.Limited || r.Seats.Taken != 10 || r.Seats.Capacity != 10 {
			t.Errorf("leaver %d got %+v", i, r)
		}
	}
	if _, fallbacks := f.store.AnswerBatches(); fallbacks != 0 {
		t.Errorf("%d batches failed as a whole", fallbacks)
	}
	f.checkInvariants(t)
}

// waitFor polls cond for up to ten seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting")
		}
	}
}
