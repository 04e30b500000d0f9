package models_test

import (
	"context"
	"testing"

	"github.com/convene/convene/models"
)

// seats reads one mode's seat count or fails.
func (f *fixture) seats(t *testing.T, mode string) models.SeatCount {
	t.Helper()
	c, err := f.store.Seats(context.Background(), f.meetup.ID, mode)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestCapacityRaiseAndLower: raising promotes in order; lowering drops nobody and shows the
// overflow, which shrinks as people leave before anyone is promoted again.
func TestCapacityRaiseAndLower(t *testing.T) {
	f := newFixture(t, 20, 10, nil)
	for _, p := range f.people[:15] {
		f.answer(t, p, models.RSVPYes, models.ModeInPerson)
	}
	waiting := f.waitlist(t, models.ModeInPerson)
	f.schedule(t, f.meetup.ID, 12, nil)
	st := f.statuses(t)
	if st[waiting[0]] != models.RSVPYes || st[waiting[1]] != models.RSVPYes || st[waiting[2]] != models.RSVPWaitlisted {
		t.Fatalf("raise to 12 did not promote the first two in order")
	}
	f.schedule(t, f.meetup.ID, 8, nil)
	if c := f.seats(t, models.ModeInPerson); c.Taken != 12 || c.Excess != 4 || c.Waiting != 3 {
		t.Fatalf("after lowering to 8: %+v, want 12 taken, 4 over, 3 waiting", c)
	}
	f.checkInvariants(t)
	f.answer(t, f.people[0], models.RSVPNo, "")  // a seat within capacity: absorbs one excess
	f.answer(t, f.people[11], models.RSVPNo, "") // promoted late: holds an excess seat or not
	if c := f.seats(t, models.ModeInPerson); c.Taken != 10 || c.Excess != 2 || c.Waiting != 3 {
		t.Fatalf("after two leave: %+v, want 10 taken, 2 over, 3 waiting", c)
	}
	if n := len(f.events(t)[models.EventPromoted]); n != 2 {
		t.Fatalf("%d promotions while over capacity, want only the first 2", n)
	}
	f.checkInvariants(t)
	f.schedule(t, f.meetup.ID, 11, nil)
	if c := f.seats(t, models.ModeInPerson); c.Taken != 11 || c.Excess != 0 || c.Waiting != 2 {
		t.Fatalf("after raising to 11: %+v, want 11 taken, 0 over, 2 waiting", c)
	}
	if f.statuses(t)[waiting[2]] != models.RSVPYes {
		t.Fatal("the third waiter was not promoted")
	}
	f.checkInvariants(t)
}

// TestMaybeAndModeSwitchFreeSeats: maybe and remote use no in-person seat; leaving one promotes.
func TestMaybeAndModeSwitchFreeSeats(t *testing.T) {
	f := newFixture(t, 5, 2, nil)
	for _, p := range f.people[:4] {
		f.answer(t, p, models.RSVPYes, models.ModeInPerson)
	}
	w := f.waitlist(t, models.ModeInPerson)
	if r := f.answer(t, f.people[0], models.RSVPMaybe, models.ModeInPerson); r.RSVP.Status != models.RSVPMaybe {
		t.Fatalf("maybe gave %s", r.RSVP.Status)
	}
	if r := f.answer(t, f.people[1], models.RSVPYes, models.ModeRemote); r.RSVP.Status != models.RSVPYes {
		t.Fatalf("remote yes gave %s (remote has no limit)", r.RSVP.Status)
	}
	st := f.statuses(t)
	if st[w[0]] != models.RSVPYes || st[w[1]] != models.RSVPYes {
		t.Fatalf("freed seats did not go to the waitlist: %v", st)
	}
	if r := f.answer(t, f.people[4], models.RSVPYes, models.ModeInPerson); r.RSVP.Status != models.RSVPWaitlisted || r.Position != 1 {
		t.Fatalf("newcomer: %s at %d, want waitlisted at 1", r.RSVP.Status, r.Position)
	}
	again := f.answer(t, f.people[4], models.RSVPYes, models.ModeInPerson)
	if again.Position != 1 || f.events(t)[models.EventWaitlisted][f.people[4]] != 1 {
		t.Fatalf("answering yes again: place %d, told %d times", again.Position, f.events(t)[models.EventWaitlisted][f.people[4]])
	}
	f.checkInvariants(t)
}

// TestRemoteLimit: a remote limit set later seats those already remote, over the limit as
// excess; lifting it promotes everyone waiting.
func TestRemoteLimit(t *testing.T) {
	f := newFixture(t, 6, 10, nil)
	for _, p := range f.people[:3] {
		f.answer(t, p, models.RSVPYes, models.ModeRemote)
	}
	f.schedule(t, f.meetup.ID, 10, intp(2))
	if c := f.seats(t, models.ModeRemote); c.Taken != 3 || c.Excess != 1 {
		t.Fatalf("remote after limit 2: %+v, want 3 taken, 1 over", c)
	}
	if r := f.answer(t, f.people[3], models.RSVPYes, models.ModeRemote); r.RSVP.Status != models.RSVPWaitlisted {
		t.Fatalf("remote beyond the limit gave %s", r.RSVP.Status)
	}
	f.checkInvariants(t)
	f.schedule(t, f.meetup.ID, 10, nil)
	if st := f.statuses(t); st[f.people[3]] != models.RSVPYes {
		t.Fatalf("lifting the limit left %s", st[f.people[3]])
	}
	if n := f.events(t)[models.EventPromoted][f.people[3]]; n != 1 {
		t.Fatalf("promoted %d times", n)
	}
	f.checkInvariants(t)
}

// TestRebalanceAllSettlesAFreeSeat: a seat left free while someone waits (a crash between a
// commit and its check) is handed over by the periodic sweep.
func TestRebalanceAllSettlesAFreeSeat(t *testing.T) {
	f := newFixture(t, 3, 1, nil)
	f.answer(t, f.people[0], models.RSVPYes, "")
	f.answer(t, f.people[1], models.RSVPYes, "")
	ctx := context.Background()
	if _, err := f.store.DB.Exec(`UPDATE rsvp_seats SET person_id = NULL`); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.DB.Exec(`UPDATE rsvps SET status = 'no' WHERE person_id = $1`, f.people[0]); err != nil {
		t.Fatal(err)
	}
	n, err := f.store.RebalanceAll(ctx, models.RecordEvent)
	if err != nil || n != 1 {
		t.Fatalf("RebalanceAll = %d, %v", n, err)
	}
	if st := f.statuses(t); st[f.people[1]] != models.RSVPYes {
		t.Fatalf("waiter is %s after the sweep", st[f.people[1]])
	}
	f.checkInvariants(t)
}
