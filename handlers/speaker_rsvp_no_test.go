package handlers_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// speakerDoorEnv is a scheduled meetup whose audience is the whole directory (p0–p3), with two
// confirmed speakers in the directory, Person Two and Person Three, and the invitations sent:
// p0 and p1 as attendees, p2 and p3 as speakers.
func speakerDoorEnv(t *testing.T) *rsvpEnv {
	t.Helper()
	e := newRSVPEnv(t, 4, 10)
	withWholeAudience(t, e, e.meetup.ID)
	start := time.Now().Add(7 * 24 * time.Hour)
	e.confirmSpeaker(t, "Person Two", "p2@example.com", "Generics in practice", start)
	e.confirmSpeaker(t, "Person Three", "p3@example.com", "Fuzzing", start.Add(30*time.Minute))
	if res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/invitations/send", ""); res.Status != 200 || !strings.Contains(res.Body, `"invited":4`) {
		t.Fatalf("send: %d %s", res.Status, res.Body)
	}
	return e
}

// doorAndReport reads the report's funnel and the door's counts through the API (the counts come
// with any attendance answer: an undo of p0, who is not checked in, changes nothing).
func (e *rsvpEnv) doorAndReport(t *testing.T) (models.DoorCounts, models.Funnel) {
	t.Helper()
	var list struct {
		Counts models.DoorCounts `json:"counts"`
	}
	var r models.Report
	res := e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/report", "")
	if res.Status != 200 {
		t.Fatalf("report: %d %s", res.Status, res.Body)
	}
	decode(t, res, &r)
	res = e.call(t, "DELETE", "/api/v1/meetups/"+e.meetup.ID+"/attendance", `{"emails":["p0@example.com"]}`)
	if res.Status != 200 {
		t.Fatalf("attendance: %d %s", res.Status, res.Body)
	}
	decode(t, res, &list)
	return list.Counts, r.Funnel
}

// TestSpeakerWhoSaidNoIsNotExpected: of the two confirmed speakers invited as speakers, Person
// Two answers "no" on her RSVP page (/r/), Person Three never answers. The door's counter and the
// report count one speaker, not two: "0 of 1 speaker" at the door, "Speakers (of 1)" in the report,
// and the same in the JSON of both. When Person Two comes all the same and is checked in, she
// counts again, as a speaker who came: "1 of 2 speakers". Before, a speaker's "no" changed nothing.
func TestSpeakerWhoSaidNoIsNotExpected(t *testing.T) {
	t.Parallel()
	e := speakerDoorEnv(t)
	if res := e.app.Client().PostForm(t, "/r/"+e.links[2], url.Values{"answer": {"no"}}); res.Status != 200 || !strings.Contains(res.Body, "Thanks for letting us know") {
		t.Fatalf("Person Two answers no: %d %s", res.Status, res.Body)
	}
	door, funnel := e.doorAndReport(t)
	if door.Speakers != 1 || door.SpeakersIn != 0 || funnel.Speakers != 1 || funnel.SpeakersCheckedIn != 0 {
		t.Fatalf("with one speaker's no: door %+v, report %+v; want 1 speaker, none checked in", door, funnel)
	}
	c := loggedIn(t, e.app)
	page := c.Get(t, "/meetups/"+e.meetup.ID+"/checkin").Body
	if !strings.Contains(page, `<span id="count-speakers">0 of 1 speaker</span>`) {
		t.Fatalf("the counter reads:\n%s", doorCountsOf(page))
	}
	if report := c.Get(t, "/meetups/"+e.meetup.ID+"/report").Body; !strings.Contains(report, "Speakers (of 1) 0") {
		t.Fatalf("the report's speakers bar:\n%s", report)
	}

	tick := jsonTick(t, c, "/meetups/"+e.meetup.ID+"/checkin", e.people[2].ID)
	if tick.Counts.Speakers != 2 || tick.Counts.SpeakersIn != 1 || tick.Counter.Speakers != "1 of 2 speakers" {
		t.Fatalf("Person Two checked in after her no: %+v %q", tick.Counts, tick.Counter.Speakers)
	}
	if _, funnel := e.doorAndReport(t); funnel.Speakers != 2 || funnel.SpeakersCheckedIn != 1 {
		t.Fatalf("the report after Person Two came: %+v", funnel)
	}
}
