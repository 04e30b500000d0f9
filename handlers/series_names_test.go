package handlers_test

import (
	"net/url"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestSeriesNamesAreUniquePerTeam: a second series with a team's series name, whatever its case,
// is a field error (API and page), while another team may use the name.
func TestSeriesNamesAreUniquePerTeam(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	api.json(t, "POST", "/api/v1/series", map[string]any{"name": "Walk Talks"}, 201, nil)
	apiError(t, "same name", api.call(t, "POST", "/api/v1/series", "application/json", `{"name":"walk talks"}`), 422, "invalid")
	_, other := app.AddUser(t, "Other Team", "other@example.com", "organiser")
	otherAPI := apiClient{c: app.Client(), tok: app.Token(t, other.Email)}
	otherAPI.json(t, "POST", "/api/v1/series", map[string]any{"name": "Walk Talks"}, 201, nil)
	c, csrf := organiser(t, app)
	wantPage(t, c.PostForm(t, "/series", url.Values{"csrf_token": {csrf}, "name": {"WALK TALKS"}}), 422,
		"The team already has a series with this name.")
}
