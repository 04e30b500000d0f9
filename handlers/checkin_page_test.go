package handlers_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestCheckinFormsWithoutJS: the page's plain forms tick and untick a person and add a walk-in;
// a bad walk-in address comes back with 422, the message and the input kept, changing nothing;
// a POST without the CSRF token is refused; another team's meetup is a 404.
func TestCheckinFormsWithoutJS(t *testing.T) {
	e := newDoorEnv(t, 2, 1, 10)
	c := loggedIn(t, e.app)
	page := "/meetups/" + e.meetup.ID + "/checkin"
	p0 := e.people[0].ID
	res := formPost(t, c, page+"/"+p0, c.Get(t, page).Body, url.Values{"q": {"person"}})
	if res.Status != 303 || res.Header.Get("Location") != page+"?q=person#p-"+p0 {
		t.Fatalf("tick: %d %s", res.Status, res.Header.Get("Location"))
	}
	body := c.Get(t, page+"?q=person").Body
	if !strings.Contains(body, `<span id="count-invited">1 of 1 expected checked in</span>`) || !strings.Contains(body, `name="undo" value="1"`) {
		t.Fatalf("after the tick the page shows no check-in:\n%s", body)
	}
	formPost(t, c, page+"/"+p0, body, url.Values{"undo": {"1"}})
	if in := e.checkedIn(t); len(in) != 0 {
		t.Fatalf("after the undo: %v", in)
	}

	before := e.rsvpRows(t)
	bad := formPost(t, c, page+"/walk-in", c.Get(t, page).Body, url.Values{"email": {"not-an-address"}, "name": {"Wanda"}})
	if bad.Status != 422 || !strings.Contains(bad.Body, "This is not a valid email address.") || !strings.Contains(bad.Body, `value="Wanda"`) {
		t.Fatalf("bad walk-in: %d\n%s", bad.Status, bad.Body)
	}
	if e.rsvpRows(t) != before {
		t.Fatal("a refused walk-in changed something")
	}
	if res := c.PostForm(t, page+"/"+p0, url.Values{}); res.Status != 403 {
		t.Fatalf("no CSRF token: %d", res.Status)
	}
	ok := formPost(t, c, page+"/walk-in", c.Get(t, page).Body, url.Values{"email": {"wanda@example.com"}, "name": {"Wanda"}})
	if ok.Status != 303 || !strings.Contains(c.Get(t, page).Body, "The walk-in is checked in.") {
		t.Fatalf("walk-in: %d", ok.Status)
	}
	if in := e.checkedIn(t); len(in) != 1 || !in["wanda@example.com"] {
		t.Fatalf("after the walk-in: %v", in)
	}
	errorPage(t, "unknown meetup", c.Get(t, "/meetups/00000000-0000-0000-0000-000000000000/checkin"), 404, "There is nothing here")
}
