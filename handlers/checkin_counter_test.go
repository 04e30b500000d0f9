package handlers_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestCheckinCounterKeepsWalkInsApart: with one of two expected people and one walk-in at the
// door, the counter says 1 of 2 expected are checked in and, apart, 1 walk-in (not "2 of 2"),
// in English and in Russian; the script's tick answer and the API's counts say the same.
func TestCheckinCounterKeepsWalkInsApart(t *testing.T) {
	e := newDoorEnv(t, 3, 2, 10)
	got := e.attendance(t, "POST", `{"emails":["p0@example.com"]}`, 200)
	walk := e.attendance(t, "POST", `{"emails":["wanda@example.com"],"walk_in":true,"names":{"wanda@example.com":"Wanda"}}`, 200)
	if c := walk.Counts; c.CheckedIn != 2 || c.InvitedIn != 1 || c.Expected != 2 || c.WalkIns != 1 || got.Counts.InvitedIn != 1 {
		t.Fatalf("API counts: %+v, then %+v", got.Counts, c)
	}
	c := loggedIn(t, e.app)
	page := "/meetups/" + e.meetup.ID + "/checkin"
	if body := c.Get(t, page).Body; !strings.Contains(body, counterHTML("1 of 2 expected checked in", "", "1 walk-in")) {
		t.Fatalf("the counter reads:\n%s", doorCountsOf(body))
	}
	ans := jsonTick(t, c, page, e.people[1].ID)
	if ans.Counter.Invited != "2 of 2 expected checked in" || ans.Counter.WalkIns != "1 walk-in" || ans.Counts.InvitedIn != 2 {
		t.Fatalf("tick answer: %+v", ans)
	}

	mustExec(t, e, `UPDATE users SET lang = 'ru' WHERE id = $1`, e.app.User.ID)
	e.attendance(t, "POST", `{"emails":["wim@example.com","wes@example.com"],"walk_in":true}`, 200)
	if body := c.Get(t, page).Body; !strings.Contains(body, counterHTML("Пришли: 2 из 2 ожидаемых", "", "3 гостя без приглашения")) {
		t.Fatalf("the Russian counter reads:\n%s", doorCountsOf(body))
	}
}

// TestCheckinCounterCountsOnlyYesAgainstExpected: people invited who said maybe or did not
// answer and came all the same are not counted against those expected (no "4 of 2"): the counter
// shows them apart as other invitees, beside the walk-ins, in English and in Russian with each
// number's plural form; the script's tick answer and the API's counts add up the same way.
func TestCheckinCounterCountsOnlyYesAgainstExpected(t *testing.T) {
	e := newDoorEnv(t, 4, 2, 10) // p0, p1 said yes; p2 says maybe; p3 never answered
	a := models.Answer{TeamID: e.app.Team.ID, MeetupID: e.meetup.ID, PersonID: e.people[2].ID, Status: models.RSVPMaybe, Mode: models.ModeInPerson}
	if _, err := e.app.Store.Answer(t.Context(), a, models.RecordEvent); err != nil {
		t.Fatal(err)
	}
	e.attendance(t, "POST", `{"emails":["p0@example.com","p2@example.com"]}`, 200)
	c := loggedIn(t, e.app)
	page := "/meetups/" + e.meetup.ID + "/checkin"
	ans := jsonTick(t, c, page, e.people[3].ID)
	if ans.Counter.Invited != "1 of 2 expected checked in" || ans.Counter.Others != "2 other invitees" || ans.Counter.WalkIns != "" {
		t.Fatalf("tick answer: %+v", ans.Counter)
	}
	want := models.DoorCounts{CheckedIn: 3, InvitedIn: 3, Expected: 2, ExpectedIn: 1, OthersIn: 2}
	if ans.Counts != want {
		t.Fatalf("tick counts: %+v, want %+v", ans.Counts, want)
	}
	got := e.attendance(t, "POST", `{"emails":["p1@example.com","wanda@example.com"],"walk_in":true}`, 200).Counts
	if want = (models.DoorCounts{CheckedIn: 5, InvitedIn: 4, Expected: 2, ExpectedIn: 2, OthersIn: 2, WalkIns: 1}); got != want {
		t.Fatalf("API counts: %+v, want %+v", got, want)
	}
	if body := c.Get(t, page).Body; !strings.Contains(body, counterHTML("2 of 2 expected checked in", "2 other invitees", "1 walk-in")) {
		t.Fatalf("the counter reads:\n%s", doorCountsOf(body))
	}
	e.attendance(t, "DELETE", `{"emails":["p2@example.com"]}`, 200)
	mustExec(t, e, `UPDATE users SET lang = 'ru' WHERE id = $1`, e.app.User.ID)
	if body := c.Get(t, page).Body; !strings.Contains(body, counterHTML("Пришли: 2 из 2 ожидаемых", "ещё 1 приглашённый", "1 гость без приглашения")) {
		t.Fatalf("the Russian counter reads:\n%s", doorCountsOf(body))
	}
}

// TestCheckinCounterWithoutWalkIns: with nobody walking in the counter says nothing of walk-ins.
func TestCheckinCounterWithoutWalkIns(t *testing.T) {
	e := newDoorEnv(t, 2, 2, 10)
	body := loggedIn(t, e.app).Get(t, "/meetups/"+e.meetup.ID+"/checkin").Body
	if !strings.Contains(body, counterHTML("0 of 2 expected checked in", "", "")) {
		t.Fatalf("the counter reads:\n%s", doorCountsOf(body))
	}
}

// counterHTML is the check-in counter showing invited, others and walkIns (a part hidden when "").
func counterHTML(invited, others, walkIns string) string {
	part := func(id, text string) string {
		hidden := ""
		if text == "" {
			hidden = " hidden"
		}
		return `<span id="count-` + id + `-part"` + hidden + `> · <span id="count-` + id + `">` + text + `</span></span>`
	}
	return `<span id="count-invited">` + invited + `</span>` + part("others", others) + part("walk-ins", walkIns)
}

// doorCountsOf is the counter paragraph of a check-in page, for a failure message.
func doorCountsOf(body string) string {
	i := strings.Index(body, `id="checkin-counts"`)
	if i < 0 {
		return body
	}
	return body[i : i+strings.Index(body[i:], "</p>")]
}

// tickAnswer is the check-in page's tick as its script reads it.
type tickAnswer struct {
	Counts  models.DoorCounts `json:"counts"`
	Counter struct {
		Invited  string `json:"invited"`
		Others   string `json:"others"`
		WalkIns  string `json:"walk_ins"`
		Speakers string `json:"speakers"`
	} `json:"counter"`
}

// jsonTick checks a person in as the page's script does, asking for JSON.
func jsonTick(t *testing.T, c *testutil.Client, page, personID string) tickAnswer {
	t.Helper()
	v := url.Values{"csrf_token": {testutil.CSRF(t, c.Get(t, page).Body)}}
	res := c.Do(t, "POST", page+"/"+personID, "application/x-www-form-urlencoded", strings.NewReader(v.Encode()), "Accept", "application/json")
	var out tickAnswer
	if res.Status != 200 || json.Unmarshal([]byte(res.Body), &out) != nil {
		t.Fatalf("JSON tick: %d %s", res.Status, res.Body)
	}
	return out
}
