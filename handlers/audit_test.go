package handlers_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// TestAuditPage: the audit page lists organiser actions newest first with who, what, about what
// and when, filters by action prefix and meetup, pages with a cursor, refuses a bad filter, and
// shows only the team's own entries.
func TestAuditPage(t *testing.T) {
	e := newDoorEnv(t, 2, 1, 10)
	e.attendance(t, "POST", `{"emails":["p0@example.com"]}`, 200)
	e.attendance(t, "DELETE", `{"emails":["p0@example.com"]}`, 200)
	e.readCSV(t, "/api/v1/meetups/"+e.meetup.ID+"/feedback.csv")
	e.call(t, "GET", "/api/v1/people/"+e.people[1].ID+"/export", "")
	other, _ := e.app.AddUser(t, "Other Team", "other@example.com", models.RoleOrganiser)
	mustExec(t, e, `INSERT INTO audit_log (team_id, action, target) VALUES ($1, 'secret.action', 'x')`, other.ID)

	c := loggedIn(t, e.app)
	page := c.Get(t, "/audit")
	if page.Status != 200 {
		t.Fatalf("audit page: %d", page.Status)
	}
	body := page.Body
	order := []string{"Personal data exported", "Feedback exported", "Check-in undone", "Checked in", "Meetup scheduled"}
	last := -1
	for _, want := range order {
		i := strings.Index(body, want)
		if i < 0 || i < last {
			t.Fatalf("audit page: %q missing or out of order (newest first)", want)
		}
		last = i
	}
	for _, want := range []string{"organiser@example.com", `href="/meetups/` + e.meetup.ID + `">Lunch &amp; learn: Go</a>`,
		`href="/people/` + e.people[1].ID + `">Person 1</a>`, "Rows: 0", "UTC", `href="/audit"`} {
		if !strings.Contains(body, want) {
			t.Errorf("audit page lacks %q", want)
		}
	}
	if strings.Contains(body, "secret.action") {
		t.Fatal("another team's entry is shown")
	}

	only := c.Get(t, "/audit?action=attendance.").Body
	if !strings.Contains(only, "Checked in") || strings.Contains(only, "Feedback exported") {
		t.Fatal("the action filter does not filter")
	}
	byMeetup := c.Get(t, "/audit?meetup_id="+e.meetup.ID).Body
	if !strings.Contains(byMeetup, "Feedback exported") || strings.Contains(byMeetup, "Personal data exported") {
		t.Fatal("the meetup filter does not filter")
	}
	if res := c.Get(t, "/audit?meetup_id=nope"); res.Status != 422 || !strings.Contains(res.Body, "Choose one of the offered values") {
		t.Fatalf("bad meetup filter: %d", res.Status)
	}

	var pg struct {
		Items []models.AuditEntry `json:"items"`
		Next  string              `json:"next_cursor"`
	}
	seen := map[int64]bool{}
	cursor := ""
	for i := 0; i < 6; i++ {
		res := e.call(t, "GET", "/api/v1/audit?limit=2&cursor="+cursor, "")
		if err := json.Unmarshal([]byte(res.Body), &pg); err != nil || res.Status != 200 {
			t.Fatalf("audit API: %d %s", res.Status, res.Body)
		}
		for _, it := range pg.Items {
			if seen[it.ID] {
				t.Fatalf("entry %d on two pages", it.ID)
			}
			seen[it.ID] = true
		}
		if cursor = pg.Next; cursor == "" {
			break
		}
	}
	if len(seen) != 5 {
		t.Fatalf("paging saw %d entries, want 5", len(seen))
	}
	apiError(t, "bad cursor", e.call(t, "GET", "/api/v1/audit?cursor=bm90LWEtY3Vyc29y", ""), 422, "invalid")
}

// TestAuditNamesTheDetailsIDs: an entry whose detail names a candidate or a person by id shows
// their name on the page, not the id.
func TestAuditNamesTheDetailsIDs(t *testing.T) {
	e := newDoorEnv(t, 2, 0, 10)
	team := e.app.Team.ID
	var speaker, candidate string
	if err := e.app.Store.DB.Get(&speaker, `INSERT INTO speakers (team_id, name, email, source)
		VALUES ($1, 'Grace Hopper', 'grace@example.com', 'contacts') RETURNING id`, team); err != nil {
		t.Fatal(err)
	}
	if err := e.app.Store.DB.Get(&candidate, `INSERT INTO candidates (team_id, meetup_id, speaker_id)
		VALUES ($1, $2, $3) RETURNING id`, team, e.meetup.ID, speaker); err != nil {
		t.Fatal(err)
	}
	mustExec(t, e, `INSERT INTO audit_log (team_id, action, target, detail) VALUES
		($1, 'candidate.add', $2, jsonb_build_object('candidate_id', $3::text)),
		($1, 'feedback.flag', $2, jsonb_build_object('person_id', $4::text))`, team, e.meetup.ID, candidate, e.people[1].ID)
	body := loggedIn(t, e.app).Get(t, "/audit").Body
	for _, want := range []string{"Candidate: Grace Hopper", "Person: Person 1"} {
		if !strings.Contains(body, want) {
			t.Errorf("audit page lacks %q", want)
		}
	}
	if strings.Contains(body, candidate) {
		t.Error("audit page shows the candidate's id")
	}
}
