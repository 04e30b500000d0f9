package handlers

import (
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestScheduledMeetupIsInConfirmationUntilItStarts: a scheduled meetup's current step is
// confirmation (invitations and answers) until its start, celebration from then; lists call it
// held once it has ended.
func TestScheduledMeetupIsInConfirmationUntilItStarts(t *testing.T) {
	now := time.Date(2027, 1, 14, 12, 0, 0, 0, time.UTC)
	start, end := now.Add(time.Hour), now.Add(2*time.Hour)
	m := models.Meetup{Stage: models.StageScheduled, StartsAt: &start, EndsAt: &end}
	if got := currentStep(m, now); got != 4 {
		t.Fatalf("before the start: step %d, want 4 (confirmation)", got)
	}
	if got := currentStep(m, start); got != 5 {
		t.Fatalf("at the start: step %d, want 5 (celebration)", got)
	}
	if got := currentStep(models.Meetup{Stage: models.StageCancelled}, now); got != -1 {
		t.Fatalf("cancelled: step %d", got)
	}
	shown := viewFuncs["shownStage"].(func(string, *time.Time) string)
	past := time.Now().Add(-time.Minute)
	if shown(models.StageScheduled, &end) != "scheduled" || shown(models.StageScheduled, &past) != "held" || shown(models.StageDone, &past) != "done" {
		t.Fatal("shownStage")
	}
}
