package handlers_test

import (
	"encoding/csv"
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// answerAs posts an answer through a person's link.
func (e *rsvpEnv) answerAs(t *testing.T, i int, v url.Values) {
	t.Helper()
	if res := e.app.Client().PostForm(t, "/r/"+e.links[i], v); res.Status != 200 {
		t.Fatalf("answer %d %v: %d", i, v, res.Status)
	}
}

// TestAttendeesListFiltersCSVAndLunch: the organiser's list, filters, summary and a CSV that no
// spreadsheet runs as a formula.
func TestAttendeesListFiltersCSVAndLunch(t *testing.T) {
	e := newRSVPEnv(t, 5, 2)
	if _, err := e.app.Store.DB.Exec(`UPDATE people SET name = '=HYPERLINK("http://evil")' WHERE email = 'p0@example.com'`); err != nil {
		t.Fatal(err)
	}
	e.answerAs(t, 0, url.Values{"answer": {"yes"}, "mode": {"in_person"}, "dietary": {"+vegan"}})
	e.answerAs(t, 1, url.Values{"answer": {"yes"}, "mode": {"in_person"}, "dietary": {"Vegan"}})
	e.answerAs(t, 2, url.Values{"answer": {"yes"}, "mode": {"in_person"}})
	e.answerAs(t, 3, url.Values{"answer": {"yes"}, "mode": {"remote"}, "dietary": {"halal"}})
	e.answerAs(t, 4, url.Values{"answer": {"maybe"}})

	var list struct {
		Items []struct {
			Email    string `json:"email"`
			RSVP     string `json:"rsvp"`
			Position *int   `json:"waitlist_position"`
			Mode     string `json:"mode"`
		} `json:"items"`
	}
	res := e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/attendees?rsvp=waitlisted", "")
	if err := json.Unmarshal([]byte(res.Body), &list); err != nil || len(list.Items) != 1 || list.Items[0].Email != "p2@example.com" ||
		list.Items[0].Position == nil || *list.Items[0].Position != 1 {
		t.Fatalf("waitlisted filter: %d %s", res.Status, res.Body)
	}
	res = e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/attendees?limit=2", "")
	if !strings.Contains(res.Body, `"next_cursor":"`) || strings.Contains(res.Body, `"next_cursor":""`) {
		t.Fatalf("paging: %s", res.Body)
	}
	for _, q := range []string{"rsvp=perhaps", "mode=teleport", "cursor=zzz", "limit=0"} {
		if res := e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/attendees?"+q, ""); res.Status != 422 {
			t.Errorf("?%s: %d, want 422", q, res.Status)
		}
	}

	res = e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/attendees.csv", "")
	rows, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
	if err != nil || len(rows) != 6 || rows[0][0] != "email" {
		t.Fatalf("csv: %v %q", err, res.Body)
	}
	if rows[1][1] != `'=HYPERLINK("http://evil")` || rows[1][6] != "'+vegan" {
		t.Fatalf("csv cells not defused: %q", rows[1])
	}

	var sum struct {
		InPerson struct{ Taken, Capacity int } `json:"in_person"`
		Lunch    struct {
			InPerson int `json:"in_person"`
			Dietary  []struct {
				Need  string
				Count int
			} `json:"dietary"`
			Remote []struct{ Email string } `json:"remote"`
		} `json:"lunch"`
	}
	res = e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/rsvp-summary", "")
	if err := json.Unmarshal([]byte(res.Body), &sum); err != nil || sum.InPerson.Taken != 2 || sum.Lunch.InPerson != 2 ||
		len(sum.Lunch.Remote) != 1 || sum.Lunch.Remote[0].Email != "p3@example.com" || len(sum.Lunch.Dietary) != 2 {
		t.Fatalf("summary: %s", res.Body)
	}
}

// TestAttendeesPageShowsOverflow: lowering capacity below the confirmed count drops nobody and
// warns the organiser on the attendees page.
func TestAttendeesPageShowsOverflow(t *testing.T) {
	e := newRSVPEnv(t, 4, 4)
	for i := 0; i < 4; i++ {
		e.answerAs(t, i, url.Values{"answer": {"yes"}, "mode": {"in_person"}})
	}
	e.schedule(t, e.meetup.ID, `{"starts_at":"`+e.start+`","capacity":2}`, 200)
	c := e.app.Client()
	c.Login(t, e.app.User.Email, "correct horse battery")
	page := c.Get(t, "/meetups/"+e.meetup.ID+"/attendees")
	if page.Status != 200 || !strings.Contains(page.Body, `id="overflow"`) || !strings.Contains(page.Body, "2 people are over capacity") ||
		!strings.Contains(page.Body, "4 of 2 seats taken") {
		t.Fatalf("attendees page: %d\n%s", page.Status, page.Body)
	}
	if page := c.Get(t, "/meetups/"+e.meetup.ID+"/attendees?rsvp=nope"); page.Status != 422 {
		t.Fatalf("bad filter on the page: %d", page.Status)
	}
}

// TestAttendeesPageShowsNoModeBeforeAnAnswer: an invitee who has not answered shows "—" as
// their mode, not "In person"; one who answered shows theirs.
func TestAttendeesPageShowsNoModeBeforeAnAnswer(t *testing.T) {
	e := newRSVPEnv(t, 2, 4)
	e.answerAs(t, 0, url.Values{"answer": {"yes"}, "mode": {"remote"}})
	mustExec(t, e, `INSERT INTO rsvps (meetup_id, person_id, team_id, invited_at) VALUES ($1, $2, $3, now())`,
		e.meetup.ID, e.people[1].ID, e.app.Team.ID) // invited, no answer yet
	c := e.app.Client()
	c.Login(t, e.app.User.Email, "correct horse battery")
	page := c.Get(t, "/meetups/"+e.meetup.ID+"/attendees")
	rows := regexp.MustCompile(`(?s)<tr><td>.*?</tr>`).FindAllString(page.Body, -1)
	modes := []string{}
	for _, r := range rows {
		cells := regexp.MustCompile(`(?s)<td>(.*?)</td>`).FindAllStringSubmatch(r, -1)
		modes = append(modes, strings.TrimSpace(cells[2][1]))
	}
	slices.Sort(modes)
	if page.Status != 200 || !slices.Equal(modes, []string{"Remotely", "—"}) {
		t.Fatalf("modes on the attendees page: %q (status %d), want Remotely and —", modes, page.Status)
	}
}
