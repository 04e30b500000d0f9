package models_test

import (
	"sync"
	"testing"

	"github.com/convene/convene/models"
)

// TestFeedbackReminderOnceToNonAnswerers: two days after the form, those who have not answered
// get one reminder, once across concurrent drains; never again, and never after the form closed.
func TestFeedbackReminderOnceToNonAnswerers(t *testing.T) {
	f := newFeedbackFix(t, 4)
	for i := range 4 {
		f.rsvp(t, i, "yes", false)
	}
	wantMailed(t, "the form", f.due(t), "feedback p0@example.com", "feedback p1@example.com",
		"feedback p2@example.com", "feedback p3@example.com")
	f.answer(t, 0, models.FeedbackInput{Rating: "5"})
	f.exec(t, `UPDATE feedback_requests SET sent_at = now() - interval '47 hours'`)
	wantMailed(t, "47 hours later", f.due(t))
	f.exec(t, `UPDATE feedback_requests SET sent_at = now() - interval '49 hours'`)
	f.exec(t, `UPDATE feedback_requests SET sent_at = now() WHERE person_id = $1`, f.people[3]) // mailed later
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			if _, err := f.store.RemindDueFeedback(f.ctx, f.lk, f.mail); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	wantMailed(t, "49 hours later", f.took(), "feedback_reminder p1@example.com", "feedback_reminder p2@example.com")
	wantMailed(t, "again", f.due(t))
	f.exec(t, `UPDATE feedback_requests SET sent_at = now() - interval '3 days'`)
	f.exec(t, `UPDATE meetups SET feedback_closes_at = now() - interval '1 minute'`)
	wantMailed(t, "after the form closed", f.due(t))
}
