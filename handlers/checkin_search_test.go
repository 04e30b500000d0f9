package handlers_test

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// doorNames lists the names the check-in page shows, in order.
func doorNames(t *testing.T, body string) []string {
	t.Helper()
	var out []string
	for _, m := range regexp.MustCompile(`<strong class="door-name">([^<]*)</strong>`).FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// accentedDoor is a door env whose people are named with accents and letters of their own.
func accentedDoor(t *testing.T) *rsvpEnv {
	t.Helper()
	e := newDoorEnv(t, 5, 2, 10)
	for i, name := range []string{"Anna Müller", "Jörg Muller", "José García", "Søren Strauß", "Paweł Łukasz"} {
		mustExec(t, e, `UPDATE people SET name = $1 WHERE id = $2`, name, e.people[i].ID)
	}
	return e
}

// TestCheckinSearchIgnoresAccents: the search finds people however their name's accents and
// case are typed: "muller" and "MÜLLER" find both Müller and Muller, "garcia" finds García,
// "strauss" Strauß, "soren" Søren and "lukasz" Łukasz, and " garcia " with the spaces around it
// García.
func TestCheckinSearchIgnoresAccents(t *testing.T) {
	e := accentedDoor(t)
	c := loggedIn(t, e.app)
	page := "/meetups/" + e.meetup.ID + "/checkin?q="
	for q, want := range map[string][]string{
		"muller": {"Anna Müller", "Jörg Muller"}, "MÜLLER": {"Anna Müller", "Jörg Muller"},
		"garcia": {"José García"}, "jose garcía": {"José García"}, "strauss": {"Søren Strauß"},
		"soren": {"Søren Strauß"}, "lukasz": {"Paweł Łukasz"}, "P3@EXAMPLE": {"Søren Strauß"},
		" garcia ": {"José García"}, "jose  garcia": {"José García"},
	} {
		res := c.Get(t, page+url.QueryEscape(q))
		got := doorNames(t, res.Body)
		slices.Sort(got)
		if res.Status != 200 || !slices.Equal(got, want) {
			t.Errorf("?q=%s: %d %q, want %q", q, res.Status, got, want)
		}
	}
	if body := c.Get(t, page+"nobody").Body; !strings.Contains(body, `id="checkin-empty"`) {
		t.Errorf("?q=nobody finds someone: %q", doorNames(t, body))
	}
}

// TestBrowserCheckinTypingIgnoresAccents: as the organiser types, "muller" keeps Müller and
// Muller on the list and "GARCIA" José García.
func TestBrowserCheckinTypingIgnoresAccents(t *testing.T) {
	e := accentedDoor(t)
	ctx := tab(t)
	logIn(t, ctx, e.app)
	do(t, ctx, "open the check-in page",
		chromedp.Navigate(e.app.URL+"/meetups/"+e.meetup.ID+"/checkin"),
		chromedp.WaitVisible(chromedp.CSS("#checkin-list")))
	for q, want := range map[string]int{"muller": 2, "GARCIA": 1, "strauss": 1, "łukasz": 1, "zzz": 0} {
		typed := eval[int](t, ctx, `(q => { q.value = `+jsString(q)+`; q.dispatchEvent(new Event('input'));
			return [...document.querySelectorAll('#checkin-list li.door-person')].filter(li => !li.hidden).length })(document.getElementById('q'))`)
		if typed != want {
			t.Errorf("typing %q shows %d people, want %d", q, typed, want)
		}
	}
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
