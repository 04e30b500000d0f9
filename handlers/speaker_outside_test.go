package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestOutsideSpeakerCountsAtTheDoor: the lineup has Person One, of the directory, and Guest Star,
// a speaker from outside it. The attendees page offers the invitation to 3 people (p0, and both
// speakers); the send adds Guest Star to the directory and invites her as a speaker. The door's
// counter reads "0 of 2 speakers" and lists her marked as a speaker; she is checked in by her
// address through the API like anyone invited; the report counts 2 speakers, 1 checked in, as the
// door does. Before, she had no RSVP row: the door and the report counted 1 speaker, and her
// check-in was refused as "not invited".
func TestOutsideSpeakerCountsAtTheDoor(t *testing.T) {
	t.Parallel()
	e := newRSVPEnv(t, 2, 10)
	withWholeAudience(t, e, e.meetup.ID)
	start := time.Now().Add(7 * 24 * time.Hour)
	e.confirmSpeaker(t, "Person One", "p1@example.com", "Generics in practice", start)
	e.confirmSpeaker(t, "Guest Star", "guest@example.org", "Why PostgreSQL", start.Add(30*time.Minute))

	c := loggedIn(t, e.app)
	if page := c.Get(t, "/meetups/"+e.meetup.ID+"/attendees").Body; !strings.Contains(page, "Send invitations to 3 people") {
		t.Fatalf("the send button does not count Guest Star:\n%s", page)
	}
	if res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/invitations/send", ""); res.Status != 200 || !strings.Contains(res.Body, `"invited":3`) {
		t.Fatalf("send: %d %s", res.Status, res.Body)
	}
	page := c.Get(t, "/meetups/"+e.meetup.ID+"/checkin").Body
	if !strings.Contains(page, `<span id="count-speakers">0 of 2 speakers</span>`) || !strings.Contains(page, "guest@example.org") {
		t.Fatalf("the door does not expect Guest Star:\n%s", doorCountsOf(page))
	}
	if n := strings.Count(page, `<span class="door-speaker">speaker</span>`); n != 2 {
		t.Fatalf("the check-in list marks %d people as speakers, want 2", n)
	}
	door := e.attendance(t, "POST", `{"emails":["Guest@example.org"]}`, 200).Counts
	if door.Speakers != 2 || door.SpeakersIn != 1 || door.ExpectedIn != 0 || door.WalkIns != 0 {
		t.Fatalf("Guest Star checked in: %+v", door)
	}
	var r models.Report
	decode(t, e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/report", ""), &r)
	if r.Funnel.Speakers != 2 || r.Funnel.SpeakersCheckedIn != 1 || r.Funnel.Invited != 1 {
		t.Fatalf("the report's funnel: %+v", r.Funnel)
	}
	if report := c.Get(t, "/meetups/"+e.meetup.ID+"/report").Body; !strings.Contains(report, "Speakers (of 2) 1") {
		t.Fatalf("the report's speakers bar:\n%s", report)
	}
	guestOutsideAudiences(t, e)
}

// guestOutsideAudiences: Guest Star, added to the directory as a guest, is in no audience of the
// staff (the whole directory counts the 2 people it had) unless one names her address; the people
// page and the API mark her as a guest; an import of her address makes her staff.
func guestOutsideAudiences(t *testing.T, e *rsvpEnv) {
	t.Helper()
	ctx, st, team := context.Background(), e.app.Store, e.app.Team.ID
	count := func(a models.Audience) int {
		n, err := st.CountMembers(ctx, team, a)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	page := loggedIn(t, e.app).Get(t, "/people?q=guest").Body
	if !strings.Contains(page, `<span class="guest-tag" title="A speaker from outside the staff`) {
		t.Errorf("the people page does not mark Guest Star as a guest:\n%s", page)
	}
	if res := e.call(t, "GET", "/api/v1/people?q=guest", ""); !strings.Contains(res.Body, `"guest":true`) {
		t.Errorf("the API does not say Guest Star is a guest: %s", res.Body)
	}
	if n := count(models.Audience{}); n != 2 {
		t.Errorf("the whole directory counts %d, want 2: the guest is not staff", n)
	}
	if n := count(models.Audience{IncludeEmails: []string{"guest@example.org"}}); n != 1 {
		t.Errorf("an audience naming the guest counts %d, want 1", n)
	}
	if _, err := models.UpsertPerson(ctx, st.DB, team, models.Person{Email: "guest@example.org", Name: "Guest Star",
		Timezone: "UTC", Language: "en"}); err != nil {
		t.Fatal(err)
	}
	if n := count(models.Audience{}); n != 3 {
		t.Errorf("after an import of her address the whole directory counts %d, want 3", n)
	}
	if res := e.call(t, "GET", "/api/v1/people?q=guest", ""); !strings.Contains(res.Body, `"guest":false`) {
		t.Errorf("after the import the API still says Guest Star is a guest: %s", res.Body)
	}
}
