package handlers_test

import (
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// TestDoorAndReportCountSpeakersAlike: of three attendees who said yes two are checked in, an
// attendee who said maybe and a walk-in come too, and of the two speakers (one said yes on their
// RSVP page, one never answered) one is checked in. The door's counter and the report's funnel
// count the same people the same way: 2 of 3 expected (the speaker who said yes is not one of
// the expected, so not "3 of 4"), 1 other invitee, 1 walk-in, and the speakers apart and labelled,
// "1 of 2 speakers"; the check-in list marks the speakers, the report shows them as a bar of
// their own. Before, the door counted the speaker among the expected and the report did not.
func TestDoorAndReportCountSpeakersAlike(t *testing.T) {
	e := newDoorEnv(t, 6, 4, 10) // p0–p3 said yes, p4 says maybe, p5 never answered
	a := models.Answer{TeamID: e.app.Team.ID, MeetupID: e.meetup.ID, PersonID: e.people[4].ID, Status: models.RSVPMaybe, Mode: models.ModeInPerson}
	if _, err := e.app.Store.Answer(t.Context(), a, models.RecordEvent); err != nil {
		t.Fatal(err)
	}
	mustExec(t, e, `UPDATE rsvps SET role = 'speaker' WHERE meetup_id = $1 AND person_id IN ($2, $3)`, e.meetup.ID, e.people[3].ID, e.people[5].ID)
	e.attendance(t, "POST", `{"emails":["p0@example.com","p1@example.com","p3@example.com","p4@example.com"]}`, 200)
	door := e.attendance(t, "POST", `{"emails":["wanda@example.com"],"walk_in":true,"names":{"wanda@example.com":"Wanda"}}`, 200).Counts

	want := models.DoorCounts{CheckedIn: 5, InvitedIn: 4, Expected: 3, ExpectedIn: 2, OthersIn: 1, WalkIns: 1, Speakers: 2, SpeakersIn: 1}
	if door != want {
		t.Fatalf("door counts %+v, want %+v", door, want)
	}
	var r models.Report
	if res := e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/report", ""); res.Status != 200 {
		t.Fatalf("report: %d %s", res.Status, res.Body)
	} else {
		decode(t, res, &r)
	}
	f := r.Funnel
	if f.Yes != door.Expected || f.AttendedYes != door.ExpectedIn || f.AttendedOthers != door.OthersIn ||
		f.WalkIns != door.WalkIns || f.Speakers != door.Speakers || f.SpeakersCheckedIn != door.SpeakersIn {
		t.Fatalf("the report's funnel %+v does not count as the door %+v", f, door)
	}

	c := loggedIn(t, e.app)
	page := c.Get(t, "/meetups/"+e.meetup.ID+"/checkin").Body
	counter := counterHTML("2 of 3 expected checked in", "1 other invitee", "1 walk-in") +
		`<span id="count-speakers-part"> · <span id="count-speakers">1 of 2 speakers</span></span>`
	if !strings.Contains(page, counter) {
		t.Fatalf("the counter reads:\n%s", doorCountsOf(page))
	}
	if n := strings.Count(page, `<span class="door-speaker">speaker</span>`); n != 2 {
		t.Fatalf("the check-in list marks %d people as speakers, want 2", n)
	}
	if tick := jsonTick(t, c, "/meetups/"+e.meetup.ID+"/checkin", e.people[5].ID); tick.Counts.SpeakersIn != 2 || tick.Counts.ExpectedIn != 2 {
		t.Fatalf("ticking the second speaker: %+v", tick.Counts)
	}
	report := c.Get(t, "/meetups/"+e.meetup.ID+"/report").Body
	if !strings.Contains(report, "Speakers (of 2) 2") {
		t.Fatalf("the report does not show the speakers apart:\n%s", report)
	}
}
