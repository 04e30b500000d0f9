package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// speakerRows is a snapshot of the stored speakers.
func speakerRows(t *testing.T, app *testutil.App) string {
	t.Helper()
	var s string
	if err := app.Store.DB.Get(&s, `SELECT coalesce(string_agg(concat_ws('|', name, email, profile_url, expertise, notes),
		',' ORDER BY email), '') FROM speakers`); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSpeakerFormInvalidUTF8IsAFieldError: a speaker's name, profile link, expertise or notes
// that are not UTF-8 come back, on the add and the edit form, as the error next to that field
// with the rest of the input kept (not a bare error page, nor U+FFFD stored).
func TestSpeakerFormInvalidUTF8IsAFieldError(t *testing.T) {
	app := testutil.NewApp(t)
	api := newSpkAPI(t, app, app.User.Email)
	id := api.speaker("Kept", "kept@example.com", "go")
	c, csrf := organiser(t, app)
	before := speakerRows(t, app)
	for _, field := range []string{"name", "profile_url", "expertise", "notes"} {
		form := url.Values{"csrf_token": {csrf}, "name": {"Ana"}, "email": {"ana@example.com"}, "language": {"en"},
			"source": {"contacts"}, "profile_url": {"https://example.com/ana"}, "expertise": {"go, sql"}, "notes": {"Met at GopherCon"}}
		form.Set(field, "http://x/"+badUTF8)
		for _, path := range []string{"/speakers", "/speakers/" + id} {
			r := c.PostForm(t, path, form)
			wantUTF8FieldError(t, field+" at "+path, r, field, utf8MessageEN)
			if !strings.Contains(r.Body, `value="ana@example.com"`) {
				t.Fatalf("%s at %s: the input was not kept:\n%s", field, path, r.Body)
			}
		}
	}
	if after := speakerRows(t, app); after != before {
		t.Fatalf("text that is not UTF-8 changed the speakers:\n%s\n%s", before, after)
	}
}

// TestSpeakerAPIRefusesInvalidUTF8: JSON with expertise or notes that are not UTF-8 is refused
// naming that field, on create and on update, and nothing is stored.
func TestSpeakerAPIRefusesInvalidUTF8(t *testing.T) {
	app := testutil.NewApp(t)
	id := newSpkAPI(t, app, app.User.Email).speaker("Kept", "kept@example.com", "go")
	api := newAPI(t, app)
	before := speakerRows(t, app)
	bodies := map[string]string{"expertise": `{"name":"Ana","email":"ana@example.com","source":"contacts","expertise":["go","` + badUTF8 + `"]}`,
		"notes": `{"name":"Ana","email":"ana@example.com","source":"contacts","notes":"` + badUTF8 + `"}`}
	for field, body := range bodies {
		for _, call := range [][2]string{{"POST", "/api/v1/speakers"}, {"PATCH", "/api/v1/speakers/" + id}} {
			res := api.call(t, call[0], call[1], "application/json", body)
			if e := apiError(t, field, res, 422, "invalid"); e.Error.Fields[field] != utf8MessageEN {
				t.Fatalf("%s %s %s: fields %v, want %q on %s", call[0], call[1], field, e.Error.Fields, utf8MessageEN, field)
			}
		}
	}
	if after := speakerRows(t, app); after != before {
		t.Fatalf("text that is not UTF-8 changed the speakers:\n%s\n%s", before, after)
	}
}
