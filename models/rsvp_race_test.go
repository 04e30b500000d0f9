package models_test

import (
	"testing"

	"github.com/convene/convene/models"
)

// TestSeatsFreedWhileOthersJoin: with nobody waiting, ten holders leave while ten newcomers say
// yes, over and over; a seat freed at that moment must go to a newcomer, never stay free while
// one waits.
func TestSeatsFreedWhileOthersJoin(t *testing.T) {
	f := newFixture(t, 200, 10, nil)
	holders := f.people[:10]
	for _, p := range holders {
		f.answer(t, p, models.RSVPYes, models.ModeInPerson)
	}
	for round := 1; round <= 9; round++ {
		newcomers := f.people[round*10+10 : round*10+20]
		var answers []models.Answer
		for i := range holders {
			answers = append(answers, f.ans(holders[i], models.RSVPNo, ""), f.ans(newcomers[i], models.RSVPYes, models.ModeInPerson))
		}
		for i, err := range answerAll(f, answers) {
			if err != nil {
				t.Fatalf("round %d answer %d: %v", round, i, err)
			}
		}
		f.checkInvariants(t)
		if c := countStates(f.statuses(t)); c[models.RSVPYes] != 10 {
			t.Fatalf("round %d: %s, want 10 yes", round, fmtCounts(c))
		}
		holders = newcomers
	}
}

// TestModeSwitchesRace: people switch between two limited modes at once, both full; nobody is
// lost, double-seated or left waiting beside a free seat.
func TestModeSwitchesRace(t *testing.T) {
	f := newFixture(t, 60, 20, intp(20))
	for i, p := range f.people[:40] {
		mode := models.ModeInPerson
		if i%2 == 1 {
			mode = models.ModeRemote
		}
		f.answer(t, p, models.RSVPYes, mode)
	}
	var answers []models.Answer
	for i, p := range f.people[:40] {
		mode := models.ModeRemote
		if i%2 == 1 {
			mode = models.ModeInPerson
		}
		answers = append(answers, f.ans(p, models.RSVPYes, mode))
	}
	for i, err := range answerAll(f, answers) {
		if err != nil {
			t.Fatalf("switch %d: %v", i, err)
		}
	}
	f.checkInvariants(t)
	if c := countStates(f.statuses(t)); c[models.RSVPYes]+c[models.RSVPWaitlisted] != 40 {
		t.Fatalf("after the switches: %s", fmtCounts(c))
	}
}
