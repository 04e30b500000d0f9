package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// controlMessageEN is the field error for a multi-line text or a list holding a NUL.
const controlMessageEN = "This text contains a control character (such as NUL) that cannot be saved. Delete it and send it again."

// everything is a snapshot of what the organiser's forms could change.
func everything(t *testing.T, app *testutil.App) string {
	t.Helper()
	var s string
	if err := app.Store.DB.Get(&s, `SELECT concat_ws('|',
		(SELECT string_agg(email || name || department || location, ',' ORDER BY email) FROM people),
		(SELECT string_agg(title || description || coalesce(topic, '') || location || coalesce(starts_at::text, ''), ',' ORDER BY title) FROM meetups),
		(SELECT string_agg(name, ',' ORDER BY name) FROM series), (SELECT string_agg(name, ',' ORDER BY name) FROM audiences),
		(SELECT string_agg(name, ',' ORDER BY name) FROM speakers), (SELECT count(*) FROM topic_ideas))`); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestMeetupFormsNULIsAFieldError: a NUL in the new and edit meetup forms' title, room, new
// series or description brings the form back with the error next to that field and what was
// typed kept (the NUL shown as U+FFFD), not the "request failed" page; nothing is stored.
func TestMeetupFormsNULIsAFieldError(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	m := struct{ ID string }{}
	api.json(t, "POST", "/api/v1/meetups", `{"title":"Kept","format":"talk","timezone":"Europe/Berlin"}`, 201, &m)
	c, csrf := organiser(t, app)
	before := everything(t, app)
	cases := []struct{ field, msg string }{
		{"title", lineBreakMessageEN}, {"location", lineBreakMessageEN}, {"new_series", lineBreakMessageEN},
		{"description", controlMessageEN},
	}
	for _, path := range []string{"/meetups", "/meetups/" + m.ID} {
		for _, tc := range cases {
			form := url.Values{"csrf_token": {csrf}, "title": {"Go night"}, "format": {"talk"}, "timezone": {"Europe/Berlin"},
				"duration_minutes": {"60"}, "capacity": {"10"}, "location": {"Room 1"}}
			form.Set(tc.field, "Go\x00night")
			r := c.PostForm(t, path, form)
			wantUTF8FieldError(t, path+" "+tc.field, r, tc.field, tc.msg)
			if !strings.Contains(r.Body, "Go\uFFFDnight") || !strings.Contains(r.Body, `value="Europe/Berlin"`) {
				t.Fatalf("%s %s: what was typed is not kept:\n%s", path, tc.field, r.Body)
			}
		}
	}
	if after := everything(t, app); after != before {
		t.Fatalf("a NUL changed the database:\n%s\n%s", before, after)
	}
}

// TestOrganiserFormsNULIsAFieldError: a NUL in the person, audience, series, topic, topic idea,
// schedule and speaker forms is the error next to that field, never the generic error page, and
// changes nothing; the JSON API names the field too.
func TestOrganiserFormsNULIsAFieldError(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	api := newAPI(t, e.app)
	api.importCSV(t, fiveCSV, 200)
	var list struct{ Items []person }
	api.json(t, "GET", "/api/v1/people?q=a@x.com", nil, 200, &list)
	c, page := e.schedulePage(t, e.meetup.ID)
	csrf := testutil.CSRF(t, page.Body)
	mt := "/meetups/" + e.meetup.ID
	before := everything(t, e.app)
	cases := []struct {
		path  string
		form  url.Values
		field string
		msg   string
	}{
		{"/people/" + list.Items[0].ID, url.Values{"email": {"a@x.com"}, "name": {"A"}, "timezone": {"UTC"}, "language": {"en"}}, "name", lineBreakMessageEN},
		{"/people/" + list.Items[0].ID, url.Values{"email": {"a@x.com"}, "name": {"A"}, "timezone": {"UTC"}, "language": {"en"}}, "department", lineBreakMessageEN},
		{"/audiences", url.Values{"name": {"Aud"}}, "name", lineBreakMessageEN},
		{"/audiences", url.Values{"name": {"Aud"}}, "include", controlMessageEN},
		{"/audiences", url.Values{"name": {"Aud"}}, "departments", controlMessageEN},
		{"/series", url.Values{"name": {"S"}}, "name", lineBreakMessageEN},
		{mt + "/topic", url.Values{}, "topic", lineBreakMessageEN},
		{"/topics", url.Values{}, "title", lineBreakMessageEN},
		{mt + "/schedule", url.Values{"starts_at": {e.start}, "capacity": {"5"}, "action": {"save"}}, "location", lineBreakMessageEN},
		{"/speakers", url.Values{"name": {"Sp"}, "email": {"sp@x.com"}, "source": {"staff"}, "language": {"en"}}, "notes", controlMessageEN},
		{"/speakers", url.Values{"name": {"Sp"}, "email": {"sp@x.com"}, "source": {"staff"}, "language": {"en"}}, "expertise", controlMessageEN},
	}
	for _, tc := range cases {
		tc.form.Set("csrf_token", csrf)
		tc.form.Set(tc.field, "a\x00b")
		wantUTF8FieldError(t, tc.path+" "+tc.field, c.PostForm(t, tc.path, tc.form), tc.field, tc.msg)
	}
	for body, field := range map[string]string{`{"title":"Go\u0000night"}`: "title", `{"description":"a\u0000b"}`: "description"} {
		b := apiError(t, "PATCH "+body, e.call(t, "PATCH", "/api/v1/meetups/"+e.meetup.ID, body), 422, "invalid")
		if b.Error.Fields[field] == "" {
			t.Fatalf("PATCH %s: fields %v, want %s", body, b.Error.Fields, field)
		}
	}
	if after := everything(t, e.app); after != before {
		t.Fatalf("a NUL changed the database:\n%s\n%s", before, after)
	}
}
