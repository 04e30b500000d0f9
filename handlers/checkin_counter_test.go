package handlers_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
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
	if body := c.Get(t, page).Body; !strings.Contains(body, counterHTML("1 of 2 expected checked in", "1 walk-in")) {
		t.Fatalf("the counter reads:\n%s", doorCountsOf(body))
	}
	ans := jsonTick(t, c, page, e.people[1].ID)
	if ans.Counter.Invited != "2 of 2 expected checked in" || ans.Counter.WalkIns != "1 walk-in" || ans.Counts.InvitedIn != 2 {
		t.Fatalf("tick answer: %+v", ans)
	}

	mustExec(t, e, `UPDATE users SET lang = 'ru' WHERE id = $1`, e.app.User.ID)
	e.attendance(t, "POST", `{"emails":["wim@example.com","wes@example.com"],"walk_in":true}`, 200)
	if body := c.Get(t, page).Body; !strings.Contains(body, counterHTML("Пришли: 2 из 2 ожидаемых", "3 гостя без приглашения")) {
		t.Fatalf("the Russian counter reads:\n%s", doorCountsOf(body))
	}
}

// TestCheckinCounterWithoutWalkIns: with nobody walking in the counter says nothing of walk-ins.
func TestCheckinCounterWithoutWalkIns(t *testing.T) {
	e := newDoorEnv(t, 2, 2, 10)
	body := loggedIn(t, e.app).Get(t, "/meetups/"+e.meetup.ID+"/checkin").Body
	if !strings.Contains(body, `<span id="count-invited">0 of 2 expected checked in</span><span id="count-walk-ins-part" hidden>`) {
		t.Fatalf("the counter reads:\n%s", doorCountsOf(body))
	}
}

// counterHTML is the check-in counter showing invited and walkIns.
func counterHTML(invited, walkIns string) string {
	return `<span id="count-invited">` + invited + `</span><span id="count-walk-ins-part"> · <span id="count-walk-ins">` + walkIns + `</span></span>`
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
	Counts struct {
		InvitedIn int `json:"invited_checked_in"`
	} `json:"counts"`
	Counter struct {
		Invited string `json:"invited"`
		WalkIns string `json:"walk_ins"`
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
