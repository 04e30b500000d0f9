package handlers_test

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// speakerRowsRE finds the address of each row of the speakers page's table.
var speakerRowsRE = regexp.MustCompile(`<td><a href="/speakers/[^"]+">[^<]*</a><br><small>([^<]*)</small>`)

// speakerNextRE finds the link to the next page of the speakers page.
var speakerNextRE = regexp.MustCompile(`<a href="([^"]+)" rel="next">`)

// newSpeakerSearch is a speaker directory of searchNames, with an API client, a logged-in
// organiser and the speakers' ids by index.
func newSpeakerSearch(t *testing.T) (*testutil.App, apiClient, *testutil.Client, []string) {
	t.Helper()
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	ids := []string{}
	for i, name := range searchNames {
		var sp struct{ ID string }
		api.json(t, "POST", "/api/v1/speakers", map[string]any{"name": name, "email": fmt.Sprintf("p%d@example.com", i),
			"source": "contacts"}, 201, &sp)
		ids = append(ids, sp.ID)
	}
	return app, api, loggedIn(t, app), ids
}

// speakersFound returns the addresses the speakers page lists for ?q=q.
func speakersFound(t *testing.T, c *testutil.Client, q string) []string {
	t.Helper()
	page := c.Get(t, "/speakers"+qs(q))
	if page.Status != 200 {
		t.Fatalf("page ?q=%q: %d\n%s", q, page.Status, page.Body)
	}
	return listedRows(page.Body, "speakers", speakerRowsRE)
}

// TestSpeakerSearchIgnoresAccentsCaseAndSpaces: the speakers page's search box and the API's ?q=
// find Zoë by "Zoe" or "Zoë ", José by "jose", Ёлка by "ЁЛКА", Müller by "MULLER", as the attendees
// search does; % and _ match only themselves; a renamed speaker is found by the new name.
func TestSpeakerSearchIgnoresAccentsCaseAndSpaces(t *testing.T) {
	_, api, c, ids := newSpeakerSearch(t)
	for q, idx := range foldSearches {
		want := searchAddresses(idx)
		got, _ := listPage(t, api, "/api/v1/speakers"+qs(q)+"&limit=500")
		sameSet(t, fmt.Sprintf("API ?q=%q", q), got, want)
		sameSet(t, fmt.Sprintf("page ?q=%q", q), speakersFound(t, c, q), want)
	}
	api.json(t, "PATCH", "/api/v1/speakers/"+ids[3], map[string]any{"name": "Ånna Ström"}, 200, nil)
	for _, q := range []string{"strom", "ANNA STRÖM"} {
		got, _ := listPage(t, api, "/api/v1/speakers"+qs(q))
		sameSet(t, "after the rename, API ?q="+q, got, searchAddresses([]int{3}))
		sameSet(t, "after the rename, page ?q="+q, speakersFound(t, c, q), searchAddresses([]int{3}))
	}
	if got, _ := listPage(t, api, "/api/v1/speakers?q=muller"); len(got) != 0 {
		t.Errorf("after the rename, ?q=muller still finds %q", got)
	}
	first, next := listPage(t, api, "/api/v1/speakers?q=zoe&limit=1")
	second, last := listPage(t, api, "/api/v1/speakers?q=zoe&limit=1&cursor="+next)
	if next == "" || last != "" {
		t.Errorf("?q=zoe&limit=1: cursors %q then %q, want one page more", next, last)
	}
	sameSet(t, "?q=zoe one by one", append(first, second...), searchAddresses([]int{0, 4}))
}

// TestSpeakerSearchNextPageKeepsTheSearch: with more speakers found than a page holds, the
// page's link to the next page keeps the search, so it lists the rest of those found only.
func TestSpeakerSearchNextPageKeepsTheSearch(t *testing.T) {
	app, _, c, _ := newSpeakerSearch(t)
	if _, err := app.Store.DB.Exec(`INSERT INTO speakers (team_id, name, email, source, created_at)
		SELECT $1, 'Zoë ' || g, 'zoe' || g || '@example.org', 'contacts', now() + g * interval '1 second'
		FROM generate_series(1, 51) g`, app.User.TeamID); err != nil {
		t.Fatal(err)
	}
	page := c.Get(t, "/speakers?q=zoe")
	rows := listedRows(page.Body, "speakers", speakerRowsRE)
	m := speakerNextRE.FindStringSubmatch(page.Body)
	if page.Status != 200 || len(rows) != 50 || m == nil {
		t.Fatalf("?q=zoe: %d, %d rows, next link %v\n%.2000s", page.Status, len(rows), m, page.Body)
	}
	more := listedRows(c.Get(t, html.UnescapeString(m[1])).Body, "speakers", speakerRowsRE)
	want := searchAddresses([]int{0, 4})
	for g := 1; g <= 51; g++ {
		want = append(want, fmt.Sprintf("zoe%d@example.org", g))
	}
	sameSet(t, "?q=zoe over two pages (next: "+m[1]+")", append(rows, more...), want)
}

// TestSpeakerSearchRefusesUnreadableText: a NUL, a control character, bytes that are not UTF-8
// or a search of more than 200 characters get the q field's error, in the API and on the page.
func TestSpeakerSearchRefusesUnreadableText(t *testing.T) {
	_, api, c, _ := newSpeakerSearch(t)
	wantRefusedSearch(t, api, c, "/api/v1/speakers", "/speakers", "speakers")
}

// TestSpeakerSearchSaysNobodyMatches: a search that finds nobody says so, rather than that the
// directory is empty and asking for a first speaker.
func TestSpeakerSearchSaysNobodyMatches(t *testing.T) {
	_, _, c, _ := newSpeakerSearch(t)
	page := c.Get(t, "/speakers?q=nobody-by-this-name")
	if page.Status != 200 || !strings.Contains(page.Body, "No speaker matches this search.") ||
		strings.Contains(page.Body, "No speakers yet") {
		t.Errorf("a search finding nobody: %d\n%.3000s", page.Status, page.Body)
	}
}
