package handlers_test

import (
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestNoFollowUpAfterTheMeetupIsCancelled: a candidate silent past the follow-up delay of a
// meetup cancelled meanwhile gets no "answer needed" reminder and stays as they were.
func TestNoFollowUpAfterTheMeetupIsCancelled(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m := a.meetup("Backend lunch", "Go services on PostgreSQL", "Europe/Kyiv")
	boris := a.candidate(m, a.speaker("Boris", "boris@example.com", "postgres"))
	a.slot(m, spkFirstWeekday(time.Now().Year()+1, time.June, time.Tuesday).Add(10*time.Hour))
	a.must(200, "POST", "/api/v1/meetups/"+m+"/outreach", map[string]any{"candidate_ids": []string{boris}, "message": "Would you speak?"})
	a.must(200, "POST", "/api/v1/meetups/"+m+"/cancel", map[string]any{"reason": "The office is closed."})
	a.exec(`UPDATE candidates SET contacted_at = contacted_at - interval '9 days', due_at = due_at - interval '9 days' WHERE meetup_id = $1`, m)
	if run := spkRunWork(t, app, 2); run != (models.FollowUpRun{}) {
		t.Fatalf("speaker work on a cancelled meetup did %+v, want nothing", run)
	}
	if n := len(spkOutbox(t, a, m, models.NoticeFollowUp)); n != 0 {
		t.Errorf("%d follow-up mails for a cancelled meetup", n)
	}
	if st, n := a.status(boris); st != "contacted" || n != 0 {
		t.Errorf("Boris: %s, %d follow-ups", st, n)
	}
}
