package handlers_test

import (
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// TestAPIAttendance: check-in by address shows in the attendees list and the counts, undo works
// both ways, an address not invited is refused by name unless it is a walk-in, and a walk-in is
// created in the directory with a seat and no mail.
func TestAPIAttendance(t *testing.T) {
	e := newDoorEnv(t, 4, 3, 10)
	got := e.attendance(t, "POST", `{"emails":["p0@example.com","P1@example.com"]}`, 200)
	if got.Counts.CheckedIn != 2 || got.Counts.Expected != 3 || len(got.Items) != 2 || !got.Items[0].CheckedIn {
		t.Fatalf("after two check-ins: %+v", got)
	}
	if in := e.checkedIn(t); !in["p0@example.com"] || !in["p1@example.com"] || len(in) != 2 {
		t.Fatalf("attendees API checked_in: %v", in)
	}
	again := e.attendance(t, "POST", `{"emails":["p0@example.com"]}`, 200)
	if again.Counts.CheckedIn != 2 {
		t.Fatalf("a second check-in counted twice: %+v", again.Counts)
	}

	before := e.rsvpRows(t)
	b := apiError(t, "stranger", e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/attendance",
		`{"emails":["p2@example.com","stranger@example.com"]}`), 422, "invalid")
	if msg := b.Error.Fields["stranger@example.com"]; !strings.Contains(msg, "walk_in") || len(b.Error.Fields) != 1 {
		t.Fatalf("the unknown address is not named: %+v", b.Error.Fields)
	}
	if e.rsvpRows(t) != before {
		t.Fatal("a refused batch changed something")
	}

	walk := e.attendance(t, "POST", `{"emails":["stranger@example.com"],"walk_in":true,"names":{"Stranger@Example.com":"Zoe Stranger"}}`, 200)
	if walk.WalkIns != 1 || walk.Counts.CheckedIn != 3 || walk.Counts.Expected != 3 || walk.Counts.WalkIns != 1 || !walk.Items[0].WalkIn || walk.Items[0].RSVP != "yes" ||
		walk.Items[0].Name != "Zoe Stranger" {
		t.Fatalf("walk-in: %+v", walk)
	}
	var seat, mails int
	_ = e.app.Store.DB.Get(&seat, `SELECT count(*) FROM rsvp_seats WHERE meetup_id = $1 AND person_id = $2`, e.meetup.ID, walk.Items[0].PersonID)
	_ = e.app.Store.DB.Get(&mails, `SELECT count(*) FROM outbox WHERE to_email = 'stranger@example.com'`)
	if seat != 1 || mails != 0 {
		t.Fatalf("walk-in seat %d, mails %d; want a seat and no mail", seat, mails)
	}

	undo := e.attendance(t, "POST", `{"emails":["p0@example.com"],"checked_in":false}`, 200)
	if undo.Counts.CheckedIn != 2 || undo.Items[0].CheckedIn {
		t.Fatalf("undo by checked_in false: %+v", undo)
	}
	del := e.attendance(t, "DELETE", `{"emails":["p1@example.com"]}`, 200)
	if del.Counts.CheckedIn != 1 {
		t.Fatalf("undo by DELETE: %+v", del.Counts)
	}
	if in := e.checkedIn(t); len(in) != 1 || !in["stranger@example.com"] {
		t.Fatalf("after the undos: %v", in)
	}
	if a := auditActions(t, e.app); a["attendance.check_in"] != 3 || a["attendance.undo"] != 2 {
		t.Fatalf("audit: %v", a)
	}
}

// TestAPIAttendanceBadInput: a wrong shape, a bad address, an empty list and another team's
// meetup are refused with the field named (or 404) and change nothing.
func TestAPIAttendanceBadInput(t *testing.T) {
	e := newDoorEnv(t, 2, 1, 10)
	before := e.rsvpRows(t)
	path := "/api/v1/meetups/" + e.meetup.ID + "/attendance"
	cases := []struct{ body, field, want string }{
		{`{"emails":"p0@example.com"}`, "emails", "wrong type"},
		{`{"emails":["p0@example.com", "not an address"]}`, "emails[1]", "not a valid email"},
		{`{"emails":[]}`, "emails", "required"},
		{`{}`, "emails", "required"},
		{`{"emails":["p0@example.com"],"walk_in":"yes"}`, "walk_in", "wrong type"},
		{`{"emails":["p0@example.com"],"extra":1}`, "body", "not valid JSON"},
		{`{"emails":["new@example.com"],"walk_in":true,"names":{"nwe@example.com":"Typo"}}`, "names", "also be listed in emails"},
		{`{"emails":["new@example.com"],"walk_in":true,"names":{"new@example.com":5}}`, "names", "wrong type"},
	}
	for _, c := range cases {
		b := apiError(t, c.body, e.call(t, "POST", path, c.body), 422, "invalid")
		if !strings.Contains(b.Error.Fields[c.field], c.want) {
			t.Errorf("%s: fields %v, want %s: %q", c.body, b.Error.Fields, c.field, c.want)
		}
	}
	apiError(t, "unknown meetup", e.call(t, "POST", "/api/v1/meetups/00000000-0000-0000-0000-000000000000/attendance", `{"emails":["p0@example.com"]}`), 404, "not_found")
	apiError(t, "bad id", e.call(t, "POST", "/api/v1/meetups/nope/attendance", `{"emails":["p0@example.com"]}`), 404, "not_found")
	if after := e.rsvpRows(t); after != before {
		t.Fatalf("refused attendance changed the RSVPs:\n%s\n---\n%s", before, after)
	}

	later := e.createMeetup(t, "Not scheduled yet", "talk")
	mustExec(t, e, `INSERT INTO rsvps (meetup_id, person_id, team_id) VALUES ($1, $2, $3)`, later.ID, e.people[0].ID, e.app.Team.ID)
	b := apiError(t, "unscheduled", e.call(t, "POST", "/api/v1/meetups/"+later.ID+"/attendance", `{"emails":["p0@example.com"]}`), 422, "invalid")
	if !strings.Contains(b.Error.Fields["meetup"], "not scheduled") {
		t.Fatalf("unscheduled meetup: %v", b.Error.Fields)
	}
	before = e.rsvpRows(t)

	e.app.AddUser(t, "Other Team", "other@example.com", models.RoleOrganiser)
	other := e.app.Token(t, "other@example.com")
	res := e.api.Do(t, "POST", path, "application/json", strings.NewReader(`{"emails":["p0@example.com"],"walk_in":true}`), "Authorization", "Bearer "+other)
	apiError(t, "other team", res, 404, "not_found")
	res = e.api.Do(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/feedback.csv", "", nil, "Authorization", "Bearer "+other)
	apiError(t, "other team's feedback", res, 404, "not_found")
	if e.rsvpRows(t) != before {
		t.Fatal("bad input changed something")
	}
}
