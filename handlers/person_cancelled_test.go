package handlers_test

import (
	"net/url"
	"strings"
	"testing"
)

// personMeetupsTable is the person page's table of meetups.
func personMeetupsTable(t *testing.T, body string) string {
	t.Helper()
	_, rest, ok := strings.Cut(body, `id="person-meetups"`)
	table, _, _ := strings.Cut(rest, "</section>")
	if !ok {
		t.Fatalf("no meetups section:\n%s", body)
	}
	return table
}

// TestPersonPageMarksCancelledMeetups: someone said yes, then the meetup was cancelled: the
// person page no longer shows a bare "Yes" but marks the meetup cancelled (in English and
// Russian), and the data export says so too.
func TestPersonPageMarksCancelledMeetups(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	e.answerAs(t, 0, url.Values{"answer": {"yes"}, "mode": {"in_person"}})
	c := loggedIn(t, e.app)
	path := "/people/" + e.people[0].ID
	if got := personMeetupsTable(t, c.Get(t, path).Body); strings.Contains(got, "cancelled") {
		t.Fatalf("a scheduled meetup is marked cancelled: %s", got)
	}
	if res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/cancel", `{"reason":"Room flooded"}`); res.Status != 200 {
		t.Fatalf("cancel: %d %s", res.Status, res.Body)
	}
	mustContain(t, "person page", personMeetupsTable(t, c.Get(t, path).Body),
		"Lunch &amp; learn: Go</a> <strong class=\"meetup-cancelled\">· cancelled</strong>", "<td>Yes")
	mustContain(t, "export", e.call(t, "GET", "/api/v1/people/"+e.people[0].ID+"/export", "").Body, `"meetup_cancelled": true`)
	mustExec(t, e, `UPDATE users SET lang = 'ru' WHERE id = $1`, e.app.User.ID)
	mustContain(t, "Russian person page", personMeetupsTable(t, c.Get(t, path).Body), "· отменена</strong>")
}
