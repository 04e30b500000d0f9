package handlers_test

import (
	"strings"
	"testing"
)

// TestLayoutIconAndBrand: every page names its icon, which is served (no /favicon.ico 404 in the
// log); on an employee's link page the brand is not a link to the organisers' login.
func TestLayoutIconAndBrand(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	page := e.app.Client().Get(t, "/r/"+e.links[0])
	if page.Status != 200 || !strings.Contains(page.Body, `<link rel="icon" href="/static/favicon.svg"`) ||
		!strings.Contains(page.Body, `<span class="brand">Convene</span>`) || strings.Contains(page.Body, `<a class="brand"`) {
		t.Fatalf("RSVP page head and brand:\n%.1200s", page.Body)
	}
	icon := e.app.Client().Get(t, "/static/favicon.svg")
	if icon.Status != 200 || !strings.HasPrefix(icon.Header.Get("Content-Type"), "image/svg+xml") || !strings.Contains(icon.Body, "<svg") {
		t.Fatalf("icon: %d %s", icon.Status, icon.Header.Get("Content-Type"))
	}
	org := loggedIn(t, e.app).Get(t, "/meetups/"+e.meetup.ID)
	if !strings.Contains(org.Body, `<a class="brand" href="/">Convene</a>`) ||
		!strings.Contains(org.Body, `<a href="https://meet.example.com/go" rel="noreferrer noopener">`) {
		t.Fatalf("meetup page: brand link or online link missing:\n%s", org.Body)
	}
}
