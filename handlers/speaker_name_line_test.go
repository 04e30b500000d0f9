package handlers_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// lineBreakMessageEN is the field error for one-line text with a line break or NUL.
const lineBreakMessageEN = "Write this on one line: it contains a line break or a control character."

// TestSpeakerNameWithALineBreakSaysSo: a speaker's name holding a newline or a NUL comes back,
// on the add and edit forms and from the API, with an error saying so (not "too long"), and
// nothing is stored.
func TestSpeakerNameWithALineBreakSaysSo(t *testing.T) {
	app := testutil.NewApp(t)
	id := newSpkAPI(t, app, app.User.Email).speaker("Kept", "kept@example.com", "go")
	c, csrf := organiser(t, app)
	api := newAPI(t, app)
	before := speakerRows(t, app)
	for _, name := range []string{"Ana\nLovelace", "Ana\r\nLovelace", "Ana\x00Lovelace"} {
		form := url.Values{"csrf_token": {csrf}, "name": {name}, "email": {"ana@example.com"}, "language": {"en"}, "source": {"contacts"}}
		for _, path := range []string{"/speakers", "/speakers/" + id} {
			r := c.PostForm(t, path, form)
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-name">`+lineBreakMessageEN) {
				t.Fatalf("%q at %s: %d, want 422 with %q next to the name:\n%s", name, path, r.Status, lineBreakMessageEN, r.Body)
			}
		}
		body, _ := json.Marshal(map[string]any{"name": name, "email": "ana@example.com", "source": "contacts"})
		for _, call := range [][2]string{{"POST", "/api/v1/speakers"}, {"PATCH", "/api/v1/speakers/" + id}} {
			res := api.call(t, call[0], call[1], "application/json", string(body))
			if e := apiError(t, call[1], res, 422, "invalid"); e.Error.Fields["name"] != lineBreakMessageEN {
				t.Fatalf("%s %s %q: fields %v, want %q on name", call[0], call[1], name, e.Error.Fields, lineBreakMessageEN)
			}
		}
	}
	if after := speakerRows(t, app); after != before {
		t.Fatalf("a name with a line break changed the speakers:\n%s\n%s", before, after)
	}
}
