package handlers_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// newDoorEnv is an RSVP env whose n people are all invited; the first yes people said yes.
func newDoorEnv(t *testing.T, n, yes, capacity int) *rsvpEnv {
	t.Helper()
	e := newRSVPEnv(t, n, capacity)
	ctx := context.Background()
	for i, p := range e.people {
		if _, err := e.app.Store.DB.Exec(`INSERT INTO rsvps (meetup_id, person_id, team_id, invited_at) VALUES ($1, $2, $3, now())`,
			e.meetup.ID, p.ID, e.app.Team.ID); err != nil {
			t.Fatal(err)
		}
		if i < yes {
			a := models.Answer{TeamID: e.app.Team.ID, MeetupID: e.meetup.ID, PersonID: p.ID, Status: models.RSVPYes, Mode: models.ModeInPerson}
			if _, err := e.app.Store.Answer(ctx, a, models.RecordEvent); err != nil {
				t.Fatal(err)
			}
		}
	}
	return e
}

// attendance decodes an attendance answer, failing unless the status is want.
func (e *rsvpEnv) attendance(t *testing.T, method, body string, want int) models.AttendanceResult {
	t.Helper()
	res := e.call(t, method, "/api/v1/meetups/"+e.meetup.ID+"/attendance", body)
	if res.Status != want {
		t.Fatalf("%s attendance %s: %d %s, want %d", method, body, res.Status, res.Body, want)
	}
	var out models.AttendanceResult
	if want == 200 {
		if err := json.Unmarshal([]byte(res.Body), &out); err != nil {
			t.Fatalf("attendance body: %v: %s", err, res.Body)
		}
	}
	return out
}

// checkedIn lists the addresses the attendees API shows as checked in.
func (e *rsvpEnv) checkedIn(t *testing.T) map[string]bool {
	t.Helper()
	res := e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/attendees?limit=500", "")
	var list struct {
		Items []models.Attendee `json:"items"`
	}
	if res.Status != 200 || json.Unmarshal([]byte(res.Body), &list) != nil {
		t.Fatalf("attendees: %d %s", res.Status, res.Body)
	}
	out := map[string]bool{}
	for _, a := range list.Items {
		if a.CheckedIn {
			out[a.Email] = true
		}
	}
	return out
}

// auditActions counts the team's audit entries by action.
func auditActions(t *testing.T, app *testutil.App) map[string]int {
	t.Helper()
	var rows []struct {
		Action string `db:"action"`
		N      int    `db:"n"`
	}
	if err := app.Store.DB.Select(&rows, `SELECT action, count(*) AS n FROM audit_log GROUP BY action`); err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, r := range rows {
		out[r.Action] = r.N
	}
	return out
}
