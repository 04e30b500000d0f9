package handlers_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// pastMeetupWithWalkIn is the demo's "just ended" meetup in small: capacity seats, five invited,
// three of them said yes, two checked in, written by SeedPastMeetup; then a walk-in at the door.
func pastMeetupWithWalkIn(t *testing.T, capacity int) *rsvpEnv {
	t.Helper()
	e := newRSVPEnv(t, 5, 10)
	m := e.createMeetup(t, "Testing with real databases", "lunch_and_learn")
	e.app.Store.DB.MustExec(`UPDATE meetups SET capacity = $1 WHERE id = $2`, capacity, m.ID)
	ids := make([]string, len(e.people))
	for i, p := range e.people {
		ids[i] = p.ID
	}
	past := models.PastMeetup{MeetupID: m.ID, StartsAt: time.Now().Add(-2 * time.Hour).Truncate(time.Minute),
		Invited: ids, Yes: ids[:3], CheckedIn: ids[:2]}
	if err := e.app.Store.SeedPastMeetup(context.Background(), e.app.Team.ID, past); err != nil {
		t.Fatal(err)
	}
	e.meetup = m
	e.walkIn(t, "door@example.com")
	return e
}

// overCapacity reads the in-person overflow of the summary and how many rows are marked over.
func overCapacity(t *testing.T, e *rsvpEnv) (summary, rows int) {
	t.Helper()
	var sum models.RSVPSummary
	res := e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/rsvp-summary", "")
	if res.Status != 200 || json.Unmarshal([]byte(res.Body), &sum) != nil {
		t.Fatalf("summary: %d %s", res.Status, res.Body)
	}
	var list struct{ Items []models.Attendee }
	res = e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/attendees?limit=500", "")
	if res.Status != 200 || json.Unmarshal([]byte(res.Body), &list) != nil {
		t.Fatalf("attendees: %d %s", res.Status, res.Body)
	}
	for _, a := range list.Items {
		if a.OverCapacity {
			rows++
		}
	}
	return sum.InPerson.Excess, rows
}

// TestNoOverflowWarningWithFreeSeats: with 4 yes (a walk-in among them) and 10 seats, the
// attendees page shows the seats taken and no overflow warning; nobody is marked over.
func TestNoOverflowWarningWithFreeSeats(t *testing.T) {
	e := pastMeetupWithWalkIn(t, 10)
	page := loggedIn(t, e.app).Get(t, "/meetups/"+e.meetup.ID+"/attendees")
	if page.Status != 200 || strings.Contains(page.Body, `id="overflow"`) || !strings.Contains(page.Body, "4 of 10 seats taken, 6 free") {
		t.Fatalf("attendees page: %d\n%s", page.Status, page.Body)
	}
	if sum, rows := overCapacity(t, e); sum != 0 || rows != 0 {
		t.Fatalf("over capacity: summary %d, rows %d; want none", sum, rows)
	}
}

// TestOverflowWarningNamesThoseBeyondCapacity: with 4 yes and 3 seats, the warning names one
// person over capacity, and one row is marked over.
func TestOverflowWarningNamesThoseBeyondCapacity(t *testing.T) {
	e := pastMeetupWithWalkIn(t, 3)
	page := loggedIn(t, e.app).Get(t, "/meetups/"+e.meetup.ID+"/attendees")
	if !strings.Contains(page.Body, "Capacity is 3, below the number confirmed: 1 person is over capacity.") {
		t.Fatalf("attendees page:\n%s", page.Body)
	}
	if sum, rows := overCapacity(t, e); sum != 1 || rows != 1 {
		t.Fatalf("over capacity: summary %d, rows %d; want 1 and 1", sum, rows)
	}
}
