package handlers_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestWalkInWithoutAddressIsRequired: a walk-in with an empty or blank address is told the
// address is required, not that it is invalid, on the page (in English and Russian, the name
// kept) and in the API; nothing changes.
func TestWalkInWithoutAddressIsRequired(t *testing.T) {
	e := newDoorEnv(t, 2, 1, 10)
	before := e.rsvpRows(t)
	c := loggedIn(t, e.app)
	page := "/meetups/" + e.meetup.ID + "/checkin"
	for _, email := range []string{"", "   "} {
		res := formPost(t, c, page+"/walk-in", c.Get(t, page).Body, url.Values{"email": {email}, "name": {"Wanda"}})
		if res.Status != 422 || !strings.Contains(res.Body, `<p class="error" id="e-email">This field is required.</p>`) ||
			strings.Contains(res.Body, "not a valid email") || !strings.Contains(res.Body, `value="Wanda"`) {
			t.Fatalf("walk-in with address %q: %d\n%s", email, res.Status, res.Body)
		}
	}
	path := "/api/v1/meetups/" + e.meetup.ID + "/attendance"
	for _, body := range []string{`{"emails":[""],"walk_in":true}`, `{"emails":["p0@example.com"," "],"walk_in":true}`} {
		b := apiError(t, body, e.call(t, "POST", path, body), 422, "invalid")
		field := "emails[0]"
		if strings.Contains(body, "p0@") {
			field = "emails[1]"
		}
		if b.Error.Fields[field] != "This field is required." {
			t.Errorf("%s: fields %v, want %s required", body, b.Error.Fields, field)
		}
	}
	mustExec(t, e, `UPDATE users SET lang = 'ru' WHERE id = $1`, e.app.User.ID)
	res := formPost(t, c, page+"/walk-in", c.Get(t, page).Body, url.Values{"email": {""}, "name": {"Ванда"}})
	if res.Status != 422 || !strings.Contains(res.Body, "Обязательное поле.") || strings.Contains(res.Body, "Это не адрес") {
		t.Fatalf("Russian walk-in without an address: %d\n%s", res.Status, res.Body)
	}
	if after := e.rsvpRows(t); after != before {
		t.Fatalf("a refused walk-in changed the RSVPs:\n%s\n---\n%s", before, after)
	}
}
