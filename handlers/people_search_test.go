package handlers_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// peopleRowsRE finds the address of each row of the people page's table.
var peopleRowsRE = regexp.MustCompile(`<td><a href="/people/[^"]+">[^<]*</a></td>\s*<td>([^<]*)</td>`)

// newPeopleSearch is a directory of the people named searchNames, with an API client and a
// logged-in organiser.
func newPeopleSearch(t *testing.T) (apiClient, *testutil.Client) {
	t.Helper()
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	for i, name := range searchNames {
		api.json(t, "POST", "/api/v1/people", map[string]any{"email": fmt.Sprintf("p%d@example.com", i),
			"name": name, "timezone": "Europe/Berlin"}, 201, nil)
	}
	return api, loggedIn(t, app)
}

// TestPeopleSearchIgnoresAccentsCaseAndSpaces: the directory's search box and the API's ?q= find
// Zoë by "Zoe" or "Zoë ", José by "jose", Ёлка by "ЁЛКА", Müller by "MULLER", as the attendees
// search does; % and _ match only themselves.
func TestPeopleSearchIgnoresAccentsCaseAndSpaces(t *testing.T) {
	api, c := newPeopleSearch(t)
	for q, idx := range foldSearches {
		want := searchAddresses(idx)
		got, _ := listPage(t, api, "/api/v1/people"+qs(q)+"&limit=500")
		sameSet(t, fmt.Sprintf("API ?q=%q", q), got, want)
		page := c.Get(t, "/people"+qs(q))
		if page.Status != 200 {
			t.Fatalf("page ?q=%q: %d\n%s", q, page.Status, page.Body)
		}
		sameSet(t, fmt.Sprintf("page ?q=%q", q), listedRows(page.Body, "people", peopleRowsRE), want)
	}
	// The filter is in SQL: a search's pages hold only what it finds, each once.
	first, next := listPage(t, api, "/api/v1/people?q=zoe&limit=1")
	second, last := listPage(t, api, "/api/v1/people?q=zoe&limit=1&cursor="+next)
	if next == "" || last != "" {
		t.Errorf("?q=zoe&limit=1: cursors %q then %q, want one page more", next, last)
	}
	sameSet(t, "?q=zoe one by one", append(first, second...), searchAddresses([]int{0, 4}))
}

// TestPeopleSearchRefusesUnreadableText: a NUL, a control character, bytes that are not UTF-8
// or a search of more than 200 characters get the q field's error, in the API and on the page.
func TestPeopleSearchRefusesUnreadableText(t *testing.T) {
	api, c := newPeopleSearch(t)
	wantRefusedSearch(t, api, c, "/api/v1/people", "/people", "people")
}

// TestPeopleFiltersOfferAnyWhenUnset: with no filter chosen, each of the directory's filters
// (department, location, interest) shows "Any", not an empty choice added at the end.
func TestPeopleFiltersOfferAnyWhenUnset(t *testing.T) {
	_, c := newPeopleSearch(t)
	page := c.Get(t, "/people")
	if page.Status != 200 || strings.Contains(page.Body, `<option value="" selected>`) {
		t.Errorf("/people with no filter: %d, an empty option chosen:\n%.3000s", page.Status, page.Body)
	}
	chosen := c.Get(t, "/people?department=Platform")
	if !strings.Contains(chosen.Body, `<option value="Platform" selected>`) {
		t.Errorf("/people?department=Platform does not show it chosen:\n%.3000s", chosen.Body)
	}
}
