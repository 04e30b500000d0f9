package handlers_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestSchedulePreviewNeedsNoSeats: "Check the time" for a meetup whose seats are not decided
// shows the time with the seats left empty and still flags a time that cannot be read; only
// "Schedule" asks for the seats, and the meetup stays unscheduled.
func TestSchedulePreviewNeedsNoSeats(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	res := e.call(t, "POST", "/api/v1/meetups", `{"title":"Seats later","format":"talk","timezone":"Europe/Berlin","capacity":0}`)
	var m struct{ ID string }
	if res.Status != 201 || json.Unmarshal([]byte(res.Body), &m) != nil {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	c, page := e.schedulePage(t, m.ID)
	form := url.Values{"csrf_token": {testutil.CSRF(t, page.Body)}, "starts_at": {dstDays("{mar10}T12:00")}, "location": {"Room 3"},
		"capacity": {""}, "action": {"preview"}}
	preview := c.PostForm(t, "/meetups/"+m.ID+"/schedule", form)
	wantPage(t, preview, 200, `id="schedule-preview-result"`, dstDays("10 Mar {year}, 12:00–13:00 (Europe/Berlin, UTC&#43;01:00)"))
	noSeatsAsked(t, "preview", preview)
	form.Set("starts_at", dstDays("{mar10}T25:00"))
	badTime := c.PostForm(t, "/meetups/"+m.ID+"/schedule", form)
	wantPage(t, badTime, 422, `id="e-starts_at">`)
	noSeatsAsked(t, "preview of a bad time", badTime)
	form.Set("starts_at", dstDays("{mar10}T12:00"))
	form.Set("action", "save")
	wantPage(t, c.PostForm(t, "/meetups/"+m.ID+"/schedule", form), 422, `id="e-capacity">This field is required.`)
	var scheduled bool
	if err := e.app.Store.DB.Get(&scheduled, `SELECT starts_at IS NOT NULL FROM meetups WHERE id = $1`, m.ID); err != nil || scheduled {
		t.Fatalf("the meetup was scheduled without seats (%v)", err)
	}
}

// noSeatsAsked fails if the schedule page flags the empty seats.
func noSeatsAsked(t *testing.T, what string, res testutil.Response) {
	t.Helper()
	if strings.Contains(res.Body, `id="e-capacity"`) {
		t.Fatalf("%s asks for the seats:\n%s", what, res.Body)
	}
}
