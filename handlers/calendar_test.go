package handlers_test

import (
	"net/url"
	"regexp"
	"testing"
)

// subscribeRE finds the calendar feed's path in the RSVP page's "subscribe" link.
var subscribeRE = regexp.MustCompile(`href="[^"]*(/cal/[A-Za-z0-9_-]{43}\.ics)" id="rsvp-subscribe"`)

// feedPath is the calendar feed path the RSVP page of link offers its reader to subscribe to.
func (e *rsvpEnv) feedPath(t *testing.T, link string) string {
	t.Helper()
	res := e.app.Client().Get(t, "/r/"+link)
	m := subscribeRE.FindStringSubmatch(res.Body)
	if res.Status != 200 || m == nil {
		t.Fatalf("RSVP page %d without a subscribe link:\n%s", res.Status, res.Body)
	}
	return m[1]
}

// uid reads a meetup's stored iCalendar UID (the API does not show it).
func (e *rsvpEnv) uid(t *testing.T, id string) string {
	t.Helper()
	var uid string
	if err := e.app.Store.DB.Get(&uid, `SELECT ical_uid FROM meetups WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	return uid
}

// TestInviteFileAndFeed: the invite file is a REQUEST for the reader with their answer, then a
// CANCEL; the feed publishes the meetups they said yes to, without attendees or cancelled ones.
func TestInviteFileAndFeed(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	c := e.app.Client()
	e.answerAs(t, 0, url.Values{"answer": {"yes"}})
	feed0 := e.feedPath(t, e.links[0]) // offered on the RSVP page after the answer
	e.answerAs(t, 1, url.Values{"answer": {"no"}})
	feed1 := e.feedPath(t, e.links[1])
	cal := fetchICS(t, c, "/r/"+e.links[0]+"/invite.ics", "REQUEST")
	ev := cal.Events[0]
	if len(cal.Events) != 1 || ev.UID != e.uid(t, e.meetup.ID) || ev.Sequence != 0 || len(ev.Attendees) != 1 ||
		ev.Attendees[0].Value != "mailto:p0@example.com" || ev.Attendees[0].Partstat != "ACCEPTED" || ev.Attendees[0].Rsvp != "TRUE" ||
		ev.Organizer == nil || ev.Organizer.Value != "mailto:convene@localhost" {
		t.Fatalf("invite: %+v", cal)
	}
	second := e.createMeetup(t, "Second", "talk")
	e.schedule(t, second.ID, `{"starts_at":"`+e.start+`","location":"Room 9","capacity":3}`, 200)
	l2 := e.link(t, e.people[0].ID, second.ID)
	if res := c.PostForm(t, "/r/"+l2, url.Values{"answer": {"yes"}}); res.Status != 200 {
		t.Fatalf("second answer: %d", res.Status)
	}
	feed := fetchICS(t, c, feed0, "PUBLISH")
	if len(feed.Events) != 2 || len(feed.Events[0].Attendees)+len(feed.Events[1].Attendees) != 0 {
		t.Fatalf("feed: %+v", feed)
	}
	e.schedule(t, e.meetup.ID, `{"starts_at":"`+e.start+`","location":"Room 2","capacity":5}`, 200)
	if cal := fetchICS(t, c, "/r/"+e.links[0]+"/invite.ics", "REQUEST"); cal.Events[0].UID != e.uid(t, e.meetup.ID) || cal.Events[0].Sequence != 1 {
		t.Fatalf("after moving rooms: %+v", cal.Events[0])
	}
	if _, err := e.app.Store.DB.Exec(`UPDATE meetups SET stage = 'cancelled', ical_sequence = 2 WHERE id = $1`, e.meetup.ID); err != nil {
		t.Fatal(err)
	}
	cal = fetchICS(t, c, "/r/"+e.links[0]+"/invite.ics", "CANCEL")
	if ev := cal.Events[0]; ev.Status != "CANCELLED" || ev.Sequence != 2 || ev.UID != e.uid(t, e.meetup.ID) {
		t.Fatalf("cancelled invite: %+v", ev)
	}
	if feed := fetchICS(t, c, feed0, "PUBLISH"); len(feed.Events) != 1 || feed.Events[0].UID != e.uid(t, second.ID) {
		t.Fatalf("feed after the cancellation: %+v", feed)
	}
	if empty := fetchICS(t, c, feed1, "PUBLISH"); len(empty.Events) != 0 {
		t.Fatalf("empty feed: %+v", empty)
	}
	for _, bad := range []string{"/cal/" + e.links[0] + ".ics", feed0[:len(feed0)-4], "/r/nope/invite.ics"} {
		if res := c.Get(t, bad); res.Status != 404 {
			t.Errorf("%s: %d, want 404", bad, res.Status)
		}
	}
}

// TestInviteFileDSTTimes: meetups scheduled in a gap, an overlap and in São Paulo come out of
// the invite file at the right UTC instants.
func TestInviteFileDSTTimes(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	cases := []struct{ zone, body, start, end string }{
		{"Europe/Berlin", dstDays(`{"starts_at":"{gap}T03:30","capacity":5,"location":"R"}`), dstDays("{gap}T01:30:00Z"), dstDays("{gap}T02:30:00Z")},
		{"Europe/Berlin", dstDays(`{"starts_at":"{overlap}T02:30","fold":"earlier","capacity":5,"location":"R"}`), dstDays("{overlap}T00:30:00Z"), dstDays("{overlap}T01:30:00Z")},
		{"Europe/Berlin", dstDays(`{"starts_at":"{overlap}T02:30","fold":"later","capacity":5,"location":"R"}`), dstDays("{overlap}T01:30:00Z"), dstDays("{overlap}T02:30:00Z")},
		{"America/Sao_Paulo", dstDays(`{"starts_at":"{nov1}T00:00","capacity":5,"location":"R"}`), dstDays("{nov1}T03:00:00Z"), dstDays("{nov1}T04:00:00Z")},
	}
	for _, tc := range cases {
		m := e.createMeetup(t, "DST "+tc.zone, "talk")
		if _, err := e.app.Store.DB.Exec(`UPDATE meetups SET timezone = $2 WHERE id = $1`, m.ID, tc.zone); err != nil {
			t.Fatal(err)
		}
		e.schedule(t, m.ID, tc.body, 200)
		tok := e.link(t, e.people[0].ID, m.ID)
		ev := fetchICS(t, e.app.Client(), "/r/"+tok+"/invite.ics", "REQUEST").Events[0]
		if ev.Start != tc.start || ev.End != tc.end {
			t.Errorf("%s: %s–%s, want %s–%s", tc.body, ev.Start, ev.End, tc.start, tc.end)
		}
	}
}
