package handlers_test

import (
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestSpeakerCheckInKeepsYesAsAttended: the speaker is checked in at the door, nobody of the
// audience is; the audience's yes still count as attended (they got the feedback form), so the
// report counts them and the celebration sends them the recap.
func TestSpeakerCheckInKeepsYesAsAttended(t *testing.T) {
	t.Parallel()
	e := newReportEnv(t)
	m := e.meetup("Door at the speaker", time.Now().Add(-4*time.Hour), "")
	for _, p := range e.people("aud", 3, "en") {
		e.rsvp(m.ID, p, "yes", false)
	}
	sp := e.people("stage", 1, "en")[0]
	e.exec(`INSERT INTO rsvps (meetup_id, person_id, team_id, role, status, invited_at)
		SELECT $1, $2, team_id, 'speaker', 'yes', now() - interval '10 days' FROM meetups WHERE id = $1`, m.ID, sp)
	e.api.json(t, "POST", "/api/v1/meetups/"+m.ID+"/attendance", map[string]any{"emails": []string{"stage-0@example.com"}}, 200, nil)

	if r := e.report(m.ID); r.Funnel.Attended != 3 {
		t.Fatalf("report attended = %d with only the speaker checked in, want the 3 who said yes", r.Funnel.Attended)
	}
	var res models.CelebrateResult
	e.api.json(t, "POST", "/api/v1/meetups/"+m.ID+"/celebrate", map[string]any{"worked": "Good"}, 200, &res)
	if res.Recapped != 3 || e.outboxCount("recap") != 3 {
		t.Fatalf("recap to %d (outbox %d), want the 3 who said yes", res.Recapped, e.outboxCount("recap"))
	}
}
