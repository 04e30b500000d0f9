package handlers_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// meetupList is the API.md list shape for meetups.
type meetupList struct {
	Items      []models.Meetup `json:"items"`
	NextCursor *string         `json:"next_cursor"`
}

// bearer is the Authorization header pair for a token.
func bearer(token string) []string { return []string{"Authorization", "Bearer " + token} }

// postJSON posts a JSON body to the API with a bearer token.
func postJSON(t *testing.T, c *testutil.Client, token, path, body string) testutil.Response {
	t.Helper()
	return c.Do(t, http.MethodPost, path, "application/json", strings.NewReader(body), bearer(token)...)
}

// meetupCount counts every meetup in the database.
func meetupCount(t *testing.T, app *testutil.App) int {
	t.Helper()
	var n int
	if err := app.Store.DB.GetContext(t.Context(), &n, `SELECT count(*) FROM meetups`); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestAPIAuthentication proves the API answers 401 JSON without a valid token and serves the
// team's list with one.
func TestAPIAuthentication(t *testing.T) {
	app := testutil.NewApp(t)
	c := app.Client()
	apiError(t, "no token", c.Get(t, "/api/v1/meetups"), http.StatusUnauthorized, "unauthorized")
	for _, auth := range []string{"Bearer nope", "Bearer cvn_" + strings.Repeat("A", 43), "Basic YWRtaW46YWRtaW4=", "Bearer ", "cvn_x"} {
		apiError(t, "Authorization "+auth, c.Get(t, "/api/v1/meetups", "Authorization", auth), http.StatusUnauthorized, "unauthorized")
	}
	tok := app.Token(t, app.User.Email)
	if res := c.Get(t, "/api/v1/meetups", "Authorization", "bearer "+tok); res.Status != http.StatusOK {
		t.Fatalf("scheme in lower case (RFC 9110: case-insensitive): %d %s", res.Status, res.Body)
	}
	res := c.Get(t, "/api/v1/meetups", bearer(tok)...)
	if res.Status != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("with a token: %d %s", res.Status, res.Body)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(res.Body), &raw); err != nil || string(raw["items"]) != "[]" {
		t.Fatalf("empty list %s: want {\"items\":[],\"next_cursor\":…}", res.Body)
	}
	if _, ok := raw["next_cursor"]; !ok {
		t.Fatalf("no next_cursor in %s", res.Body)
	}
}

// TestAPIMeetupsListAndScope proves the list pages with limit and next_cursor and that another
// team's meetup is a 404, never shown.
func TestAPIMeetupsListAndScope(t *testing.T) {
	app := testutil.NewApp(t)
	token := app.Token(t, app.User.Email)
	c := app.Client()
	for _, title := range []string{"One", "Two", "Three"} {
		res := postJSON(t, c, token, "/api/v1/meetups", `{"title":"`+title+`","timezone":"Europe/Berlin","format":"workshop","capacity":20}`)
		var m models.Meetup
		if res.Status != http.StatusCreated || json.Unmarshal([]byte(res.Body), &m) != nil || m.ID == "" || m.Stage != "audience" || m.Timezone != "Europe/Berlin" {
			t.Fatalf("create %s: %d %s", title, res.Status, res.Body)
		}
	}
	otherTeam, _ := app.AddUser(t, "Other Team", "rival@example.com", models.RoleOrganiser)
	theirs, err := app.Store.CreateMeetup(t.Context(), otherTeam.ID, "", models.NewMeetup{Title: "Their secret plans"})
	if err != nil {
		t.Fatal(err)
	}

	var page meetupList
	res := c.Get(t, "/api/v1/meetups?limit=2", bearer(token)...)
	if json.Unmarshal([]byte(res.Body), &page) != nil || len(page.Items) != 2 || page.NextCursor == nil || *page.NextCursor == "" {
		t.Fatalf("limit=2: %d %s", res.Status, res.Body)
	}
	if page.Items[0].Title != "Three" {
		t.Fatalf("first item %q, want the newest (Three)", page.Items[0].Title)
	}
	res = c.Get(t, "/api/v1/meetups?limit=2&cursor="+*page.NextCursor, bearer(token)...)
	if json.Unmarshal([]byte(res.Body), &page) != nil || len(page.Items) != 1 || page.Items[0].Title != "One" || (page.NextCursor != nil && *page.NextCursor != "") {
		t.Fatalf("second page: %d %s", res.Status, res.Body)
	}
	if strings.Contains(c.Get(t, "/api/v1/meetups?limit=500", bearer(token)...).Body, "Their secret plans") {
		t.Fatal("another team's meetup is listed")
	}

	apiError(t, "another team's meetup", c.Get(t, "/api/v1/meetups/"+theirs.ID, bearer(token)...), http.StatusNotFound, "not_found")
	apiError(t, "malformed id", c.Get(t, "/api/v1/meetups/1%27%20OR%201=1", bearer(token)...), http.StatusNotFound, "not_found")
	mine := c.Get(t, "/api/v1/meetups/"+page.Items[0].ID, bearer(token)...)
	if mine.Status != http.StatusOK || !strings.Contains(mine.Body, `"title":"One"`) {
		t.Fatalf("own meetup: %d %s", mine.Status, mine.Body)
	}
	b := apiError(t, "bad limit", c.Get(t, "/api/v1/meetups?limit=abc", bearer(token)...), http.StatusUnprocessableEntity, "invalid")
	if b.Error.Fields["limit"] == "" {
		t.Fatalf("bad limit names no field: %+v", b.Error)
	}
	b = apiError(t, "bad cursor", c.Get(t, "/api/v1/meetups?cursor=%21%21", bearer(token)...), http.StatusUnprocessableEntity, "invalid")
	if b.Error.Fields["cursor"] == "" {
		t.Fatalf("bad cursor names no field: %+v", b.Error)
	}
}

// TestAPIRefusesBadBodies proves malformed, mistyped, invalid, oversized or non-JSON bodies get a
// clear JSON error naming the problem and create nothing.
func TestAPIRefusesBadBodies(t *testing.T) {
	app := testutil.NewApp(t)
	token := app.Token(t, app.User.Email)
	c := app.Client()
	cases := []struct {
		name, body string
		field      string
	}{
		{"malformed JSON", `{"title": "Half`, "body"},
		{"not an object", `[1,2,3]`, "body"},
		{"trailing data", `{"title":"One"} {"title":"Two"}`, "body"},
		{"empty body", ``, "body"},
		{"unknown field", `{"title":"Coloured","colour":"red"}`, "body"},
		{"wrong type", `{"title":"Typed","capacity":"twenty"}`, "capacity"},
		{"wrong type of title", `{"title":5}`, "title"},
		{"unknown time zone", `{"title":"Zoned","timezone":"Europe/Atlantis"}`, "timezone"},
		{"missing title", `{"timezone":"UTC"}`, "title"},
		{"malformed audience id", `{"title":"Aud","audience_id":"x"}`, "audience_id"},
	}
	for _, cs := range cases {
		b := apiError(t, cs.name, postJSON(t, c, token, "/api/v1/meetups", cs.body), http.StatusUnprocessableEntity, "invalid")
		if b.Error.Fields[cs.field] == "" {
			t.Errorf("%s: fields %v do not name %q", cs.name, b.Error.Fields, cs.field)
		}
	}
	res := c.Do(t, http.MethodPost, "/api/v1/meetups", "text/plain", strings.NewReader(`{"title":"Plain"}`), bearer(token)...)
	apiError(t, "text/plain body", res, http.StatusUnsupportedMediaType, "unsupported_media_type")

	big := `{"title":"Big","description":"` + strings.Repeat("x", 1<<20) + `"}`
	apiError(t, "body over the limit", postJSON(t, c, token, "/api/v1/meetups", big), http.StatusRequestEntityTooLarge, "too_large")
	chunked := c.Do(t, http.MethodPost, "/api/v1/meetups", "application/json", io.MultiReader(strings.NewReader(big)), bearer(token)...)
	apiError(t, "chunked body over the limit", chunked, http.StatusRequestEntityTooLarge, "too_large")
	if n := meetupCount(t, app); n != 0 {
		t.Fatalf("%d meetups created by refused requests", n)
	}
}

// TestAPIWithSessionNeedsCSRF proves the UI's session works for the API, but a state change needs
// the X-CSRF-Token header.
func TestAPIWithSessionNeedsCSRF(t *testing.T) {
	app := testutil.NewApp(t)
	c := loggedIn(t, app)
	if res := c.Get(t, "/api/v1/meetups"); res.Status != http.StatusOK {
		t.Fatalf("GET with the session: %d", res.Status)
	}
	body := `{"title":"From the UI"}`
	res := c.Do(t, http.MethodPost, "/api/v1/meetups", "application/json", strings.NewReader(body))
	apiError(t, "session POST without X-CSRF-Token", res, http.StatusForbidden, "csrf")
	res = c.Do(t, http.MethodPost, "/api/v1/meetups", "application/json", strings.NewReader(body), "X-CSRF-Token", "forged")
	apiError(t, "session POST with a forged token", res, http.StatusForbidden, "csrf")
	if n := meetupCount(t, app); n != 0 {
		t.Fatalf("%d meetups created without the CSRF token", n)
	}
	token := testutil.CSRF(t, c.Get(t, "/").Body)
	res = c.Do(t, http.MethodPost, "/api/v1/meetups", "application/json", strings.NewReader(body), "X-CSRF-Token", token, "Sec-Fetch-Site", "cross-site")
	apiError(t, "cross-site session POST", res, http.StatusForbidden, "cross_origin")
	res = c.Do(t, http.MethodPost, "/api/v1/meetups", "application/json", strings.NewReader(body), "X-CSRF-Token", token)
	if res.Status != http.StatusCreated {
		t.Fatalf("session POST with X-CSRF-Token: %d %s", res.Status, res.Body)
	}
}

// TestAPIWrongMethod: a known API path with a method it lacks is a 405 naming the allowed ones;
// an unknown path stays a 404.
func TestAPIWrongMethod(t *testing.T) {
	app := testutil.NewApp(t)
	c := app.Client()
	auth := bearer(app.Token(t, app.User.Email))
	res := c.Do(t, http.MethodDelete, "/api/v1/meetups", "", nil, auth...)
	apiError(t, "DELETE /api/v1/meetups", res, http.StatusMethodNotAllowed, "method_not_allowed")
	if got := res.Header.Get("Allow"); got != "GET, POST" {
		t.Fatalf("Allow = %q, want GET, POST", got)
	}
	apiError(t, "unknown path", c.Get(t, "/api/v1/nothing-here", auth...), http.StatusNotFound, "not_found")
	apiError(t, "no token", c.Do(t, http.MethodDelete, "/api/v1/meetups", "", nil), http.StatusUnauthorized, "unauthorized")
}
