package models_test

import (
	"context"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestCapacityChangeRacingAnswers lowers and raises the capacity while people leave and join;
// every call succeeds and the bookkeeping stays whole.
func TestCapacityChangeRacingAnswers(t *testing.T) {
	f := newFixture(t, 80, 30, nil)
	for _, p := range f.people[:40] {
		f.answer(t, p, models.RSVPYes, models.ModeInPerson)
	}
	for round, capacity := range []int{20, 35, 10} {
		var answers []models.Answer
		for i := range 10 {
			answers = append(answers, f.ans(f.people[round*10+i], models.RSVPNo, ""),
				f.ans(f.people[40+round*10+i], models.RSVPYes, models.ModeInPerson))
		}
		done := make(chan error, 1)
		go func() {
			room := "Room 1"
			c := capacity
			in := models.ScheduleInput{StartsAt: f.meetup.StartsAt.Format(time.RFC3339), Location: &room, Capacity: &c}
			_, err := f.store.Schedule(context.Background(), f.team, "", f.meetup.ID, in, models.RecordEvent, models.NoBroadcast)
			done <- err
		}()
		for i, err := range answerAll(f, answers) {
			if err != nil {
				t.Fatalf("round %d answer %d: %v", round, i, err)
			}
		}
		if err := <-done; err != nil {
			t.Fatalf("round %d capacity %d: %v", round, capacity, err)
		}
		f.checkInvariants(t)
	}
}
