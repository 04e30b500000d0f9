package handlers_test

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// foldSearches are searches of the directory lists (people, speakers) and whom each finds, by
// index into searchNames (addresses p0…p4@example.com): case, accents and white space around
// the text aside; % and _ plain characters; a blank search finds everyone.
var foldSearches = map[string][]int{
	"Zoe": {0, 4}, "zoë": {0, 4}, "lefevre": {0}, "jose": {1}, "JOSÉ GARCÍA": {1}, "ЁЛКА": {2}, "елка": {2},
	"иванова": {2}, "MULLER": {3}, "müller": {3}, "P3@EXAMPLE": {3},
	"Zoë ": {0, 4}, " Lefèvre ": {0}, "müller\t": {3}, "\u00a0jose\n": {1}, "   ": {0, 1, 2, 3, 4},
	"JOSÉ  GARCÍA": {1}, "Zoe_": {}, "%": {}, "Zoey": {},
}

// badSearches are search texts as sent in a URL, and what the q field's error says of each: a
// NUL or another control character, bytes that are not UTF-8, more than 200 characters.
var badSearches = map[string]string{
	"Zo%00e": "contains a control character", "Zo%01e": "contains a control character",
	"Zo%FFe": "could not be read", "Jos%C3": "could not be read",
	strings.Repeat("%C3%A9", 201): "At most 200 characters.",
}

// searchAddresses are the addresses of searchNames at those indexes.
func searchAddresses(idx []int) []string {
	out := []string{}
	for _, i := range idx {
		out = append(out, fmt.Sprintf("p%d@example.com", i))
	}
	return out
}

// sameSet fails unless got holds exactly want, in any order.
func sameSet(t *testing.T, what string, got, want []string) {
	t.Helper()
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Errorf("%s: %q, want %q", what, got, want)
	}
}

// listedRows returns the first group of re in each match inside the table with that id of a page.
func listedRows(body, tableID string, re *regexp.Regexp) []string {
	_, table, _ := strings.Cut(body, `<table class="list" id="`+tableID+`">`)
	table, _, _ = strings.Cut(table, `</table>`)
	out := []string{}
	for _, m := range re.FindAllStringSubmatch(table, -1) {
		out = append(out, m[1])
	}
	return out
}

// listPage is one page of a JSON list: the addresses of its items and the next cursor.
func listPage(t *testing.T, api apiClient, path string) ([]string, string) {
	t.Helper()
	var list struct {
		Items []struct {
			Email string `json:"email"`
		} `json:"items"`
		NextCursor string `json:"next_cursor"`
	}
	api.json(t, "GET", path, nil, 200, &list)
	out := []string{}
	for _, it := range list.Items {
		out = append(out, it.Email)
	}
	return out, list.NextCursor
}

// wantRefusedSearch checks that a list refuses each of badSearches with the q field's error, in
// the API and on its page (422, the error by the search box, no table), never a 500 or internals.
func wantRefusedSearch(t *testing.T, api apiClient, c *testutil.Client, apiPath, pagePath, tableID string) {
	t.Helper()
	for raw, message := range badSearches {
		path := apiPath + "?q=" + raw
		b := apiError(t, path, api.call(t, "GET", path, "", nil), 422, "invalid")
		if !strings.Contains(b.Error.Fields["q"], message) {
			t.Errorf("%s: fields %v, want q: …%s…", path, b.Error.Fields, message)
		}
		page := c.Get(t, pagePath+"?q="+raw)
		_, shown, _ := strings.Cut(page.Body, `<p class="error" id="e-q">`)
		if page.Status != 422 || !strings.Contains(strings.SplitN(shown, "</p>", 2)[0], message) ||
			strings.Contains(page.Body, `<table class="list" id="`+tableID+`">`) {
			t.Errorf("page %s?q=%.40s: %d, want 422 with the q field's error\n%.3000s", pagePath, raw, page.Status, page.Body)
		}
		noLeak(t, "page "+pagePath+"?q="+raw, page.Body)
	}
}

// qs is ?q= with the search escaped for a URL.
func qs(q string) string { return "?q=" + url.QueryEscape(q) }
