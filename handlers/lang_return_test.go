package handlers_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// langNext is the "next" the header's language switch of a page sends, as a browser would.
var langNext = regexp.MustCompile(`(?s)<form method="post" action="/lang"[^>]*>.*?name="next" value="([^"]*)".*?</form>`)

// switchNext reads the language switch's "next" from a page ("" without one).
func switchNext(body string) string {
	m := langNext.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// TestLanguageSwitchReturnsToThePage: switching the language on a page (its query kept) lands on
// that page again, now in the other language, not on the dashboard; so does the login page.
func TestLanguageSwitchReturnsToThePage(t *testing.T) {
	e := newDoorEnv(t, 2, 1, 10)
	c := loggedIn(t, e.app)
	here := "/meetups/" + e.meetup.ID + "/checkin?q=person&x=1"
	page := c.Get(t, here).Body
	next := switchNext(page)
	if next != here {
		t.Fatalf("the switch sends next %q, want %q", next, here)
	}
	res := formPost(t, c, "/lang", page, url.Values{"lang": {"ru"}, "next": {next}})
	if res.Status != http.StatusSeeOther || res.Header.Get("Location") != here {
		t.Fatalf("POST /lang: %d to %q, want back to %q", res.Status, res.Header.Get("Location"), here)
	}
	if back := c.Get(t, here).Body; !strings.Contains(back, "Отметка гостей у входа") {
		t.Fatal("back on the page, it is not in Russian")
	}

	anon := e.app.Client()
	login := anon.Get(t, "/login?next=%2Faudit").Body
	res = formPost(t, anon, "/lang", login, url.Values{"lang": {"ru"}, "next": {switchNext(login)}})
	if res.Header.Get("Location") != "/login?next=%2Faudit" {
		t.Fatalf("the login page's switch leads to %q", res.Header.Get("Location"))
	}
}

// TestLanguageSwitchOnlyReturnsToLocalPaths: a "next" that is not a local path (another site,
// with or without a scheme, a backslash or a control character a browser would rewrite into
// one) leads to the dashboard.
func TestLanguageSwitchOnlyReturnsToLocalPaths(t *testing.T) {
	e := newDoorEnv(t, 1, 1, 10)
	c := loggedIn(t, e.app)
	page := c.Get(t, "/").Body
	for _, next := range []string{"//evil.example/x", "/\\evil.example", "\\\\evil.example", "https://evil.example/",
		"javascript:alert(1)", "evil.example", "/\t/evil.example", "/\n/evil.example", ""} {
		res := formPost(t, c, "/lang", page, url.Values{"lang": {"en"}, "next": {next}})
		if res.Status != http.StatusSeeOther || res.Header.Get("Location") != "/" {
			t.Errorf("next %q: %d to %q, want /", next, res.Status, res.Header.Get("Location"))
		}
	}
	if res := formPost(t, c, "/lang", page, url.Values{"lang": {"en"}, "next": {"/audit?action=meetup."}}); res.Header.Get("Location") != "/audit?action=meetup." {
		t.Errorf("a local path: to %q", res.Header.Get("Location"))
	}
}

// TestLanguageSwitchAfterARefusedForm: a form shown again after a refused POST (a bad walk-in
// address) offers the switch back to the page the form was on, not to the POST's address; a
// referrer from another site is not followed.
func TestLanguageSwitchAfterARefusedForm(t *testing.T) {
	e := newDoorEnv(t, 1, 1, 10)
	c := loggedIn(t, e.app)
	page := "/meetups/" + e.meetup.ID + "/checkin?q=p"
	body := c.Get(t, page).Body
	v := url.Values{"email": {"not-an-address"}, "csrf_token": {testutil.CSRF(t, body)}}
	post := func(referer string) string {
		res := c.Do(t, "POST", "/meetups/"+e.meetup.ID+"/checkin/walk-in", "application/x-www-form-urlencoded",
			strings.NewReader(v.Encode()), "Referer", referer)
		if res.Status != http.StatusUnprocessableEntity {
			t.Fatalf("bad walk-in: %d", res.Status)
		}
		return switchNext(res.Body)
	}
	if got := post(e.app.URL + page); got != page {
		t.Errorf("after the refused form the switch returns to %q, want %q", got, page)
	}
	if got := post("https://evil.example/x"); got != "" {
		t.Errorf("a foreign referrer became next %q", got)
	}
}

// TestLinkPagesHaveNoLanguageSwitch: a personal-link page (the RSVP page) keeps no session, so it
// shows no language switch to post to /lang (it is in the person's own language).
func TestLinkPagesHaveNoLanguageSwitch(t *testing.T) {
	e := newDoorEnv(t, 1, 1, 10)
	if body := e.app.Client().Get(t, "/r/"+e.links[0]).Body; strings.Contains(body, `action="/lang"`) {
		t.Fatal("the RSVP link page shows a language switch")
	}
}
