package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// readableBad is badUTF8 as a refused form shows it again.
const readableBad = "Caf\uFFFD talk \uFFFD"

// audienceRows is a snapshot of the stored audiences.
func audienceRows(t *testing.T, app *testutil.App) string {
	t.Helper()
	var s string
	if err := app.Store.DB.Get(&s, `SELECT coalesce(string_agg(concat_ws('|', name, departments, locations, interests,
		include_emails, exclude_emails), ',' ORDER BY name), '') FROM audiences`); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestAudienceFormInvalidUTF8IsAFieldError: text that is not UTF-8 in an audience's name, a
// department, or its included or excluded addresses comes back, on the new and the edit form, as
// the error next to that field (in the organiser's language) with the input kept; nothing is stored.
func TestAudienceFormInvalidUTF8IsAFieldError(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	api.importCSV(t, fiveCSV, 200)
	var aud struct{ ID string }
	api.json(t, "POST", "/api/v1/audiences", map[string]any{"name": "Kept", "departments": []string{"Eng"}}, 201, &aud)
	c, csrf := organiser(t, app)
	before := audienceRows(t, app)
	kept := map[string]string{"name": `value="` + readableBad + `"`, "departments": `value="` + readableBad + `" checked`,
		"include": readableBad + "</textarea>", "exclude": readableBad + "</textarea>"}
	for field, shown := range kept {
		form := url.Values{"csrf_token": {csrf}, "name": {"Engineers"}, "departments": {"Eng"}, "include": {"a@x.com"}}
		form[field] = append(form[field][:0:0], badUTF8)
		for _, path := range []string{"/audiences", "/audiences/" + aud.ID} {
			r := c.PostForm(t, path, form)
			wantUTF8FieldError(t, field+" at "+path, r, field, utf8MessageEN)
			if !strings.Contains(r.Body, shown) {
				t.Fatalf("%s at %s: the input is not shown back (%s):\n%s", field, path, shown, r.Body)
			}
		}
	}
	if err := app.Store.SetUserLang(t.Context(), app.User.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	ru := url.Values{"csrf_token": {csrf}, "name": {"Engineers"}, "exclude": {"a@x.com\n" + badUTF8}}
	wantUTF8FieldError(t, "Russian", c.PostForm(t, "/audiences", ru), "exclude", utf8MessageRU)
	if after := audienceRows(t, app); after != before {
		t.Fatalf("text that is not UTF-8 changed the audiences:\n%s\n%s", before, after)
	}
}

// TestAudienceAPIRefusesInvalidUTF8: JSON with text that is not UTF-8 in an audience's name or
// lists is refused naming that field, on create and on update, and nothing is stored.
func TestAudienceAPIRefusesInvalidUTF8(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	var aud struct{ ID string }
	api.json(t, "POST", "/api/v1/audiences", map[string]any{"name": "Kept"}, 201, &aud)
	before := audienceRows(t, app)
	bodies := map[string]string{"name": `{"name":"` + badUTF8 + `"}`,
		"departments": `{"name":"x","departments":["Eng","` + badUTF8 + `"]}`,
		"include":     `{"name":"x","include":["a@x.com","` + badUTF8 + `@x.com"]}`,
		"exclude":     `{"name":"x","exclude":["` + badUTF8 + `"]}`}
	for field, body := range bodies {
		for _, call := range [][2]string{{"POST", "/api/v1/audiences"}, {"PUT", "/api/v1/audiences/" + aud.ID}} {
			res := api.call(t, call[0], call[1], "application/json", body)
			if e := apiError(t, field, res, 422, "invalid"); e.Error.Fields[field] != utf8MessageEN {
				t.Fatalf("%s %s %s: fields %v, want %q on %s", call[0], call[1], field, e.Error.Fields, utf8MessageEN, field)
			}
		}
	}
	if after := audienceRows(t, app); after != before {
		t.Fatalf("text that is not UTF-8 changed the audiences:\n%s\n%s", before, after)
	}
}
