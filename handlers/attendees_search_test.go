package handlers_test

import (
	"encoding/csv"
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// searchNames are the invitees' names for the search tests, by index (p0…p4@example.com).
var searchNames = []string{"Zoë Lefèvre", "José García", "Ёлка Иванова", "Anna Müller", "ZOE ADAMS"}

// newSearchEnv is a meetup whose five invitees are named searchNames, with a logged-in organiser.
func newSearchEnv(t *testing.T) (*rsvpEnv, *testutil.Client) {
	t.Helper()
	e := newRSVPEnv(t, len(searchNames), 10)
	for i, name := range searchNames {
		e.answerAs(t, i, url.Values{"answer": {"yes"}, "mode": {"in_person"}})
		// A rename after the answer: the stored fold must follow the name.
		if _, err := e.app.Store.DB.Exec(`UPDATE people SET name = $1 WHERE id = $2`, name, e.people[i].ID); err != nil {
			t.Fatal(err)
		}
	}
	return e, loggedIn(t, e.app)
}

// attendeeRowsRE finds the address of each row of the attendees table.
var attendeeRowsRE = regexp.MustCompile(`<tr><td>[^<]*(?:<br>)?<small>([^<]*)</small>`)

// pageAttendees returns the addresses in the attendees page's table for ?q=query.
func pageAttendees(t *testing.T, c *testutil.Client, meetupID, query string) []string {
	t.Helper()
	page := c.Get(t, "/meetups/"+meetupID+"/attendees?q="+url.QueryEscape(query))
	if page.Status != 200 {
		t.Fatalf("page ?q=%q: %d\n%s", query, page.Status, page.Body)
	}
	if !strings.Contains(page.Body, `name="q" type="search" value="`+query+`"`) {
		t.Errorf("page ?q=%q: the search box lost the query", query)
	}
	_, table, _ := strings.Cut(page.Body, `<table class="list" id="attendees">`)
	table, _, _ = strings.Cut(table, `</table>`)
	out := []string{}
	for _, m := range attendeeRowsRE.FindAllStringSubmatch(table, -1) {
		out = append(out, m[1])
	}
	return out
}

// apiAttendees returns the addresses the JSON list gives for ?q=query.
func apiAttendees(t *testing.T, e *rsvpEnv, query string) []string {
	t.Helper()
	res := e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/attendees?q="+url.QueryEscape(query), "")
	var list struct {
		Items []struct {
			Email string `json:"email"`
			Name  string `json:"name"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(res.Body), &list); err != nil || res.Status != 200 {
		t.Fatalf("API ?q=%q: %d %s", query, res.Status, res.Body)
	}
	out := []string{}
	for _, it := range list.Items {
		out = append(out, it.Email)
	}
	return out
}

// csvAttendees returns the addresses the CSV export gives for ?q=query.
func csvAttendees(t *testing.T, e *rsvpEnv, query string) []string {
	t.Helper()
	res := e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+"/attendees.csv?q="+url.QueryEscape(query), "")
	rows, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
	if err != nil || res.Status != 200 || len(rows) == 0 {
		t.Fatalf("CSV ?q=%q: %d %v %s", query, res.Status, err, res.Body)
	}
	out := []string{}
	for _, r := range rows[1:] {
		out = append(out, r[0])
	}
	return out
}

// TestAttendeesSearchIgnoresAccentsAndCase: the organiser finds Zoë by "Zoe", José by "jose",
// Ёлка by "ЁЛКА" or "елка", on the page, in the API and in the CSV, as the door search does.
func TestAttendeesSearchIgnoresAccentsAndCase(t *testing.T) {
	e, c := newSearchEnv(t)
	for q, want := range map[string][]string{
		"Zoe":         {"p0@example.com", "p4@example.com"},
		"zoë":         {"p0@example.com", "p4@example.com"},
		"lefevre":     {"p0@example.com"},
		"jose":        {"p1@example.com"},
		"JOSÉ GARCÍA": {"p1@example.com"},
		"ЁЛКА":        {"p2@example.com"},
		"елка":        {"p2@example.com"},
		"иванова":     {"p2@example.com"},
		"MULLER":      {"p3@example.com"},
		"müller":      {"p3@example.com"},
		"P3@EXAMPLE":  {"p3@example.com"},
		"Zoe_":        {},
		"%":           {},
		"Zoey":        {},
	} {
		for where, got := range map[string][]string{
			"page": pageAttendees(t, c, e.meetup.ID, q), "API": apiAttendees(t, e, q), "CSV": csvAttendees(t, e, q),
		} {
			if !slices.Equal(got, want) {
				t.Errorf("%s ?q=%q: %q, want %q", where, q, got, want)
			}
		}
	}
}

// TestAttendeesSearchRefusesUnreadableText: a NUL, a control character, bytes that are not
// UTF-8 or a search of more than 200 characters get the q field's error, never a 500.
func TestAttendeesSearchRefusesUnreadableText(t *testing.T) {
	e, c := newSearchEnv(t)
	base := "/meetups/" + e.meetup.ID + "/attendees"
	const control, unreadable = "contains a control character", "could not be read"
	for raw, message := range map[string]string{
		"Zo%00e": control, "Zo%01e": control, "Zo%FFe": unreadable, "Jos%C3": unreadable,
		strings.Repeat("%C3%A9", 201): "At most 200 characters.",
	} {
		for _, path := range []string{"/api/v1" + base + "?q=" + raw, "/api/v1" + base + ".csv?q=" + raw} {
			b := apiError(t, path, e.call(t, "GET", path, ""), 422, "invalid")
			if !strings.Contains(b.Error.Fields["q"], message) {
				t.Errorf("%s: fields %v, want q: …%s…", path, b.Error.Fields, message)
			}
		}
		page := c.Get(t, base+"?q="+raw)
		_, shown, _ := strings.Cut(page.Body, `<p class="error">`)
		if page.Status != 422 || !strings.Contains(strings.SplitN(shown, "</p>", 2)[0], message) ||
			strings.Contains(page.Body, `<table class="list" id="attendees">`) {
			t.Errorf("page ?q=%s: %d, want 422 with the field's error\n%s", raw, page.Status, page.Body)
		}
		noLeak(t, "page ?q="+raw, page.Body)
	}
	// A search that is only an accent folds to nothing: it finds everyone, as textfold.Contains.
	if got := apiAttendees(t, e, "\u0301"); len(got) != len(searchNames) {
		t.Errorf("?q=U+0301: %q, want all %d", got, len(searchNames))
	}
}

// TestAttendeesSearchTrimsWhiteSpace: white space around a search does not count, on the page,
// in the API and in the CSV (" Lefèvre " finds Zoë Lefèvre), and a blank search finds everyone.
func TestAttendeesSearchTrimsWhiteSpace(t *testing.T) {
	e, c := newSearchEnv(t)
	all := []string{"p0@example.com", "p1@example.com", "p2@example.com", "p3@example.com", "p4@example.com"}
	for q, want := range map[string][]string{
		" Lefèvre ": {"p0@example.com"}, "müller  ": {"p3@example.com"}, "  jose": {"p1@example.com"},
		"Zoë ": {"p0@example.com", "p4@example.com"}, "   ": all,
	} {
		for where, got := range map[string][]string{
			"page": pageAttendees(t, c, e.meetup.ID, q), "API": apiAttendees(t, e, q), "CSV": csvAttendees(t, e, q),
		} {
			if !slices.Equal(got, want) {
				t.Errorf("%s ?q=%q: %q, want %q", where, q, got, want)
			}
		}
	}
	if got := apiAttendees(t, e, "\tZoe\u00a0\n"); !slices.Equal(got, []string{"p0@example.com", "p4@example.com"}) {
		t.Errorf(`API ?q="\tZoe\u00a0\n": %q`, got)
	}
}
