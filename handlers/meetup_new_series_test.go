package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// seriesNamed counts the app's series of that name.
func seriesNamed(t *testing.T, app *testutil.App, name string) (n int) {
	t.Helper()
	if err := app.Store.DB.Get(&n, `SELECT count(*) FROM series WHERE name = $1`, name); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestNewMeetupFormFailsWithoutASeries: a new-meetup form with bad fields and a new series shows
// every problem, twice alike, and creates no series; once fixed, the meetup comes with its series.
// A name already taken is shown beside the form's own errors.
func TestNewMeetupFormFailsWithoutASeries(t *testing.T) {
	app := testutil.NewApp(t)
	c, csrf := organiser(t, app)
	form := url.Values{"csrf_token": {csrf}, "title": {""}, "format": {"talk"}, "timezone": {"Mars/Olympus"},
		"duration_minutes": {"60"}, "capacity": {"10"}, "new_series": {"x"}}
	for i := 0; i < 2; i++ {
		res := c.PostForm(t, "/meetups", form)
		wantPage(t, res, 422, `id="e-title">This field is required.`, `id="e-timezone">`, `value="x"`)
		if strings.Contains(res.Body, "already has a series") || seriesNamed(t, app, "x") != 0 {
			t.Fatalf("try %d: series x made (%d) or said taken:\n%s", i, seriesNamed(t, app, "x"), res.Body)
		}
	}
	form.Set("title", "Go night")
	form.Set("timezone", "Europe/Berlin")
	wantPage(t, c.PostForm(t, "/meetups", form), 303)
	var inSeries int
	if err := app.Store.DB.Get(&inSeries, `SELECT count(*) FROM meetups m JOIN series s ON s.id = m.series_id
		WHERE m.title = 'Go night' AND s.name = 'x'`); err != nil || inSeries != 1 || seriesNamed(t, app, "x") != 1 {
		t.Fatalf("meetup in series x: %d, %v", inSeries, err)
	}
	form.Set("capacity", "lots")
	wantPage(t, c.PostForm(t, "/meetups", form), 422, `id="e-capacity">Enter a whole number.`,
		`id="e-new_series">The team already has a series with this name.`)
	if seriesNamed(t, app, "x") != 1 {
		t.Fatal("a second series x")
	}
}

// TestEditMeetupFormFailsWithoutASeries: the edit form of a meetup, not yet scheduled or
// scheduled, refused for a bad length or a missing place, creates no new series.
func TestEditMeetupFormFailsWithoutASeries(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	fresh := e.createMeetup(t, "Not yet", "talk")
	c, page := e.schedulePage(t, fresh.ID)
	csrf := testutil.CSRF(t, page.Body)
	for _, tc := range []struct {
		id, field, value, want string
	}{
		{fresh.ID, "duration_minutes", "-1", `id="e-duration_minutes">At least 1.`},
		{e.meetup.ID, "duration_minutes", "-1", `id="e-duration_minutes">At least 1.`},
		{e.meetup.ID, "capacity", "0", `id="e-capacity">At least 1.`},
	} {
		form := url.Values{"csrf_token": {csrf}, "title": {"Edited"}, "format": {"talk"}, "timezone": {"Europe/Berlin"},
			"duration_minutes": {"60"}, "capacity": {"5"}, "location": {"Room 1"}, "new_series": {"y"}}
		form.Set(tc.field, tc.value)
		for i := 0; i < 2; i++ {
			res := c.PostForm(t, "/meetups/"+tc.id, form)
			wantPage(t, res, 422, tc.want, `value="y"`)
			if strings.Contains(res.Body, "already has a series") || seriesNamed(t, e.app, "y") != 0 {
				t.Fatalf("%s=%s, try %d: series y made or said taken:\n%s", tc.field, tc.value, i, res.Body)
			}
		}
	}
	form := url.Values{"csrf_token": {csrf}, "title": {"Edited"}, "format": {"talk"}, "timezone": {"Europe/Berlin"},
		"duration_minutes": {"60"}, "capacity": {"5"}, "location": {"Room 1"}, "new_series": {"y"}}
	wantPage(t, c.PostForm(t, "/meetups/"+e.meetup.ID, form), 303)
	if seriesNamed(t, e.app, "y") != 1 {
		t.Fatal("the saved edit did not make series y")
	}
}
