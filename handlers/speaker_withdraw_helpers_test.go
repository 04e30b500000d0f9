package handlers_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/smtptest"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// withdrawEnv is the lineup env's meetup (Ada and Oleg confirmed, Zoe still asked) scheduled
// 12:30–13:45 with a number of seats, whose audience is the whole directory: Ada (staff, so a
// member), Amy, Bob and Cid. Oleg, who reads Russian, is not in the directory: the send adds him
// as a guest, in no audience. The invitations are out, each speaker's as a speaker, and mail is
// delivered to a real SMTP server.
type withdrawEnv struct {
	*rescheduleEnv
	mail *smtptest.Server
	org  *testutil.Client // the organiser, logged in
}

// newWithdrawEnv builds the env with capacity seats in the room.
func newWithdrawEnv(t *testing.T, capacity int) *withdrawEnv {
	t.Helper()
	e := &withdrawEnv{rescheduleEnv: newLineupEnv(t)}
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/schedule", map[string]any{"starts_at": e.at("12:30"),
		"ends_at": e.at("13:45"), "location": "Room 1", "capacity": capacity})
	for _, name := range []string{"Ada", "Amy", "Bob", "Cid"} {
		spkPerson(t, e.app, e.app.Team.ID, strings.ToLower(name)+"@example.com", name, "Europe/Berlin")
	}
	aud, err := e.app.Store.CreateAudience(context.Background(), e.app.Team.ID, models.Audience{Name: "Everyone"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.dbExec(`UPDATE meetups SET audience_id = $1 WHERE id = $2`, aud, e.m); err != nil {
		t.Fatal(err)
	}
	e.mail = startMailDelivery(t, e.app)
	if out := e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/invitations/send", nil); out["invited"] != float64(5) {
		t.Fatalf("the send invited %v, want Ada, Oleg, Amy, Bob and Cid", out["invited"])
	}
	e.org = loggedIn(t, e.app)
	return e
}

// rsvpPath is the RSVP page of the person with the address, as their invitation links it.
func (e *withdrawEnv) rsvpPath(t *testing.T, email string) string {
	t.Helper()
	var id string
	if err := e.app.Store.DB.Get(&id, `SELECT id FROM people WHERE lower(email) = $1`, email); err != nil {
		t.Fatalf("%s: %v", email, err)
	}
	tok, err := e.app.H.Links.Ensure(context.Background(), e.app.Store.DB, models.LinkSpec{TeamID: e.app.Team.ID,
		Purpose: models.PurposeRSVP, PersonID: &id, MeetupID: &e.m})
	if err != nil {
		t.Fatal(err)
	}
	return "/r/" + tok
}

// yes has each person say yes, in the room, on their RSVP page, in order.
func (e *withdrawEnv) yes(t *testing.T, emails ...string) {
	t.Helper()
	for _, email := range emails {
		v := url.Values{"answer": {"yes"}, "mode": {models.ModeInPerson}}
		if res := e.app.Client().PostForm(t, e.rsvpPath(t, email), v); res.Status != 200 {
			t.Fatalf("%s says yes: %d %s", email, res.Status, res.Body)
		}
	}
}

// attendee is one row of the API's attendee list.
type attendee struct {
	Email    string `json:"email"`
	Role     string `json:"role"`
	RSVP     string `json:"rsvp"`
	Position *int   `json:"waitlist_position"`
}

// attendees is the API's attendee list, by address.
func (e *withdrawEnv) attendees(t *testing.T) map[string]attendee {
	t.Helper()
	var list struct{ Items []attendee }
	res := e.org.Get(t, "/api/v1/meetups/"+e.m+"/attendees")
	if res.Status != 200 {
		t.Fatalf("attendees: %d %s", res.Status, res.Body)
	}
	decode(t, res, &list)
	out := map[string]attendee{}
	for _, a := range list.Items {
		out[a.Email] = a
	}
	return out
}

// report is the meetup's report as the API gives it.
func (e *withdrawEnv) report(t *testing.T) models.Report {
	t.Helper()
	var r models.Report
	res := e.org.Get(t, "/api/v1/meetups/"+e.m+"/report")
	if res.Status != 200 {
		t.Fatalf("report: %d %s", res.Status, res.Body)
	}
	decode(t, res, &r)
	return r
}

// door checks the check-in page's speaker counter reads want and marks speakers people as speakers.
func (e *withdrawEnv) door(t *testing.T, want string, speakers int) string {
	t.Helper()
	page := e.org.Get(t, "/meetups/"+e.m+"/checkin").Body
	if !strings.Contains(page, `<span id="count-speakers">`+want+`</span>`) {
		t.Errorf("the door's counter, want %q: %s", want, doorCountsOf(page))
	}
	if n := strings.Count(page, `<span class="door-speaker">speaker</span>`); n != speakers {
		t.Errorf("the check-in list marks %d people as speakers, want %d", n, speakers)
	}
	return page
}

// resend sends the invitations again: nobody new is invited.
func (e *withdrawEnv) resend(t *testing.T) {
	t.Helper()
	if out := e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/invitations/send", nil); out["invited"] != float64(0) {
		t.Errorf("a second send invited %v, want nobody", out["invited"])
	}
}

// seatsExact checks the room's seats against the answers: each yes holds one seat, each held seat
// is a yes's, and no seat is free while someone waits.
func (e *withdrawEnv) seatsExact(t *testing.T) {
	t.Helper()
	var bad []string
	if err := e.app.Store.DB.Select(&bad, `
		SELECT 'yes without one seat: ' || r.person_id FROM rsvps r WHERE r.meetup_id = $1 AND r.status = 'yes'
		  AND (SELECT count(*) FROM rsvp_seats s WHERE s.meetup_id = $1 AND s.kind = 'in_person' AND s.person_id = r.person_id) <> 1
		UNION ALL SELECT 'seat ' || s.n || ' held by no yes' FROM rsvp_seats s
		WHERE s.meetup_id = $1 AND s.person_id IS NOT NULL AND NOT EXISTS (
		  SELECT 1 FROM rsvps r WHERE r.meetup_id = $1 AND r.person_id = s.person_id AND r.status = 'yes')
		UNION ALL SELECT 'a free seat while someone waits' WHERE EXISTS (
		  SELECT 1 FROM rsvp_seats WHERE meetup_id = $1 AND person_id IS NULL)
		  AND EXISTS (SELECT 1 FROM rsvps WHERE meetup_id = $1 AND status = 'waitlisted')`, e.m); err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		t.Error(b)
	}
}
