package handlers_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestAttendeesAnsweredInMeetupZone: the Attendees page shows when people answered in the
// meetup's zone (Europe/Berlin), the zone named in the column, winter and summer time alike;
// the CSV keeps RFC 3339 in UTC.
func TestAttendeesAnsweredInMeetupZone(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	c := e.app.Client()
	for _, i := range []int{0, 1} {
		if res := c.PostForm(t, "/r/"+e.links[i], url.Values{"answer": {"maybe"}}); res.Status != 200 {
			t.Fatalf("answer %d: %d", i, res.Status)
		}
	}
	mustExec(t, e, `UPDATE rsvps SET answered_at = '2026-01-15 10:30:00+00' WHERE person_id = $1`, e.people[0].ID)
	mustExec(t, e, `UPDATE rsvps SET answered_at = '2026-07-15 10:30:00+00' WHERE person_id = $1`, e.people[1].ID)
	page := loggedIn(t, e.app).Get(t, "/meetups/"+e.meetup.ID+"/attendees").Body
	for _, want := range []string{`Answered <small id="answered-zone">(Europe/Berlin)</small>`,
		"<td>2026-01-15 11:30 CET (UTC&#43;01:00)</td>", "<td>2026-07-15 12:30 CEST (UTC&#43;02:00)</td>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "10:30 UTC") {
		t.Errorf("the page still shows UTC:\n%s", page)
	}
	csv := e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/attendees.csv", "").Body
	if !strings.Contains(csv, ",2026-01-15T10:30:00Z") || !strings.Contains(csv, ",2026-07-15T10:30:00Z") {
		t.Errorf("the CSV's answered_at is not RFC 3339 UTC:\n%s", csv)
	}
}
