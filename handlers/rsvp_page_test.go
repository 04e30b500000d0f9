package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// scannerUA is what a mail gateway's link scanner running headless Chrome sends.
const scannerUA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36"

// scan fetches a URL as a link scanner does: no cookies, headless Chrome, following redirects.
func scan(t *testing.T, method, u string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(method, u, nil)
	req.Header.Set("User-Agent", scannerUA)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}

// TestRSVPLinkScannersChangeNothing: GET and HEAD on RSVP links, even with ?answer=yes, record
// nothing, set no cookie and mark the page private.
func TestRSVPLinkScannersChangeNothing(t *testing.T) {
	e := newRSVPEnv(t, 2, 1)
	e.answerAs(t, 1, url.Values{"answer": {"no"}}) // which makes their calendar feed's link
	before := e.rsvpRows(t)
	paths := []string{"/r/" + e.links[0] + "?answer=yes", "/r/" + e.links[1] + "?answer=no", "/r/" + e.links[0],
		"/r/" + e.links[0] + "/invite.ics", e.feedPath(t, e.links[1])}
	for _, path := range paths {
		for _, m := range []string{http.MethodGet, http.MethodHead} {
			res := scan(t, m, e.app.URL+path)
			if res.StatusCode != 200 || len(res.Cookies()) != 0 {
				t.Fatalf("%s %s: %d, cookies %v", m, path, res.StatusCode, res.Cookies())
			}
			if res.Header.Get("Referrer-Policy") != "no-referrer" || res.Header.Get("Cache-Control") != "no-store" {
				t.Fatalf("%s: headers %v", m, res.Header)
			}
		}
	}
	if after := e.rsvpRows(t); after != before {
		t.Fatalf("a GET or HEAD changed the database:\n%s\n---\n%s", before, after)
	}
	page := e.app.Client().Get(t, "/r/"+e.links[0]+"?answer=yes")
	if !strings.Contains(page.Body, `value="yes" id="answer-yes" checked`) || !strings.Contains(page.Body, "You have not answered yet.") {
		t.Fatalf("?answer=yes is not preselected, or was recorded:\n%s", page.Body)
	}
}

// TestRSVPAnswerSeatsAndWaitlist answers through the form: confirmed, waitlisted at 1, promoted
// when the seat frees; the page speaks the person's language in their zone.
func TestRSVPAnswerSeatsAndWaitlist(t *testing.T) {
	e := newRSVPEnv(t, 3, 1)
	c := e.app.Client()
	res := c.PostForm(t, "/r/"+e.links[0], url.Values{"answer": {"yes"}, "mode": {"in_person"}, "dietary": {"vegan"}})
	if res.Status != 200 || !strings.Contains(res.Body, "You&#39;re confirmed: a seat is yours.") || !strings.Contains(res.Body, "Seats taken: 1 of 1") {
		t.Fatalf("yes: %d\n%s", res.Status, res.Body)
	}
	res = c.PostForm(t, "/r/"+e.links[1], url.Values{"answer": {"yes"}, "mode": {"in_person"}})
	if res.Status != 200 || !strings.Contains(res.Body, "вы номер 1 в листе ожидания") || !strings.Contains(res.Body, "16:00–17:00 (Asia/Yekaterinburg, UTC&#43;05:00)") {
		t.Fatalf("second yes (Russian, Yekaterinburg): %d\n%s", res.Status, res.Body)
	}
	res = c.PostForm(t, "/r/"+e.links[0], url.Values{"answer": {"no"}})
	if !strings.Contains(res.Body, "Thanks for letting us know") {
		t.Fatalf("no: %s", res.Body)
	}
	if page := c.Get(t, "/r/"+e.links[1]); !strings.Contains(page.Body, "Участие подтверждено: место за вами.") {
		t.Fatalf("the waiter was not promoted:\n%s", page.Body)
	}
	var promoted int
	if err := e.app.Store.DB.Get(&promoted, `SELECT count(*) FROM rsvp_events WHERE kind = 'promoted' AND person_id = $1`, e.people[1].ID); err != nil || promoted != 1 {
		t.Fatalf("promotion events = %d, %v", promoted, err)
	}
}

// TestRSVPBadInput: wrong answers and modes are 422 with the field shown; unknown tokens 404.
func TestRSVPBadInput(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	c := e.app.Client()
	cases := []url.Values{
		{"answer": {"perhaps"}},
		{},
		{"answer": {"yes"}, "mode": {"teleport"}},
		{"answer": {"yes"}, "dietary": {strings.Repeat("x", 301)}},
	}
	for _, v := range cases {
		res := c.PostForm(t, "/r/"+e.links[0], v)
		if res.Status != 422 || !strings.Contains(res.Body, `class="error"`) {
			t.Errorf("%v: %d, want 422 with a field error", v, res.Status)
		}
	}
	flip := "A"
	if strings.HasSuffix(e.links[0], "A") {
		flip = "B"
	}
	for _, tok := range []string{"nope", e.links[0][:42] + flip, strings.Repeat("a", 43)} {
		if res := c.Get(t, "/r/"+tok); res.Status != 404 {
			t.Errorf("token %q: %d, want 404", tok, res.Status)
		}
	}
	res := c.Do(t, http.MethodPost, "/r/"+e.links[0], "application/x-www-form-urlencoded", strings.NewReader("answer=%zz"))
	if res.Status >= 500 {
		t.Errorf("malformed form: %d", res.Status)
	}
}

// TestRSVPCancelledMeetup shows the cancelled page with its reason and takes no answer.
func TestRSVPCancelledMeetup(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	if _, err := e.app.Store.DB.Exec(`UPDATE meetups SET stage = 'cancelled', cancel_reason = 'The speaker is ill'`); err != nil {
		t.Fatal(err)
	}
	c := e.app.Client()
	page := c.Get(t, "/r/"+e.links[0])
	if page.Status != 200 || !strings.Contains(page.Body, "This meetup is cancelled.") || !strings.Contains(page.Body, "The speaker is ill") {
		t.Fatalf("cancelled page: %d\n%s", page.Status, page.Body)
	}
	res := c.PostForm(t, "/r/"+e.links[0], url.Values{"answer": {"yes"}})
	if res.Status != 409 || !strings.Contains(res.Body, "This meetup is cancelled.") {
		t.Fatalf("answer to a cancelled meetup: %d", res.Status)
	}
}
