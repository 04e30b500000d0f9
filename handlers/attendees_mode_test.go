package handlers_test

import (
	"encoding/csv"
	"net/url"
	"strings"
	"testing"
)

// attendeeRow is the attendees page's table row of one address, or "" when it has none.
func attendeeRow(page, email string) string {
	i := strings.Index(page, "<small>"+email+"</small>")
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(page[:i], "<tr>")
	end := strings.Index(page[i:], "</tr>")
	return page[start : i+end]
}

// TestAttendeesModeOnlyWhereItMeansSomething: the organiser's list shows "In person" or "Remote"
// only for those who said yes or maybe (or wait for a seat); for someone who said no (even after
// a yes in person) or has not answered the mode cell is empty ("—" on the page, "" in the CSV),
// and the mode filter does not list them. In English and Russian.
func TestAttendeesModeOnlyWhereItMeansSomething(t *testing.T) {
	e := newRSVPEnv(t, 4, 10)
	e.answerAs(t, 0, url.Values{"answer": {"yes"}, "mode": {"remote"}})
	e.answerAs(t, 1, url.Values{"answer": {"yes"}, "mode": {"in_person"}})
	e.answerAs(t, 1, url.Values{"answer": {"no"}, "mode": {"in_person"}})
	e.answerAs(t, 2, url.Values{"answer": {"maybe"}, "mode": {"in_person"}})
	mustExec(t, e, `INSERT INTO rsvps (meetup_id, person_id, team_id, invited_at) VALUES ($1, $2, $3, now())`,
		e.meetup.ID, e.people[3].ID, e.app.Team.ID)
	c := loggedIn(t, e.app)
	page := c.Get(t, "/meetups/"+e.meetup.ID+"/attendees").Body
	for email, want := range map[string]string{"p0@example.com": "<td>Remotely</td>", "p1@example.com": "<td>—</td>",
		"p2@example.com": "<td>In person</td>", "p3@example.com": "<td>—</td>"} {
		row := attendeeRow(page, email)
		if !strings.Contains(row, want) {
			t.Errorf("row of %s lacks %s: %s", email, want, row)
		}
		if want == "<td>—</td>" && (strings.Contains(row, "In person") || strings.Contains(row, "Remotely")) {
			t.Errorf("row of %s shows a mode: %s", email, row)
		}
	}
	res := e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/attendees.csv", "")
	rows, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	modes := map[string]string{}
	for _, r := range rows[1:] {
		modes[r[0]] = r[5]
	}
	if modes["p0@example.com"] != "remote" || modes["p1@example.com"] != "" || modes["p2@example.com"] != "in_person" || modes["p3@example.com"] != "" {
		t.Fatalf("CSV modes %v, want remote, empty, in_person, empty", modes)
	}
	filtered := c.Get(t, "/meetups/"+e.meetup.ID+"/attendees?mode=in_person").Body
	if attendeeRow(filtered, "p2@example.com") == "" || attendeeRow(filtered, "p1@example.com") != "" || attendeeRow(filtered, "p3@example.com") != "" {
		t.Fatalf("the in-person filter lists those who said no or did not answer:\n%s", filtered)
	}
	mustExec(t, e, `UPDATE users SET lang = 'ru' WHERE id = $1`, e.app.User.ID)
	ru := c.Get(t, "/meetups/"+e.meetup.ID+"/attendees").Body
	if row := attendeeRow(ru, "p1@example.com"); !strings.Contains(row, "<td>—</td>") || strings.Contains(row, "Очно") {
		t.Fatalf("Russian row of one who said no: %s", row)
	}
	if row := attendeeRow(ru, "p2@example.com"); !strings.Contains(row, "<td>Очно</td>") {
		t.Fatalf("Russian row of a maybe in person: %s", row)
	}
}
