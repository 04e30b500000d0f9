package handlers_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
)

// wantFieldError checks a JSON 422 that gives field the message want.
func wantFieldError(t *testing.T, what string, res testutil.Response, field, want string) {
	t.Helper()
	if b := apiError(t, what, res, 422, "invalid"); b.Error.Fields[field] != want {
		t.Fatalf("%s: fields %v, want %s: %q", what, b.Error.Fields, field, want)
	}
}

// TestMeetupFormRefusesHugeSeats: seats beyond what a column holds (14 digits on the new
// form, 3,000,000,000 on the edit form) come back beside the field as "At most 100000." with a
// 422, in English and in Russian, and nothing is created or changed.
func TestMeetupFormRefusesHugeSeats(t *testing.T) {
	app := testutil.NewApp(t)
	c := loggedIn(t, app)
	page := c.Get(t, "/meetups/new").Body
	res := formPost(t, c, "/meetups", page, url.Values{"title": {"Indexes"}, "capacity": {"99999999999999"}})
	wantPage(t, res, 422, `id="e-capacity">At most 100000.`, `value="99999999999999"`)
	if n := meetupCount(t, app); n != 0 {
		t.Fatalf("%d meetups created", n)
	}
	var m meetup
	newAPI(t, app).json(t, "POST", "/api/v1/meetups", map[string]any{"title": "Indexes", "capacity": 30}, 201, &m)
	page = c.Get(t, "/meetups/"+m.ID+"/edit").Body
	form := url.Values{"title": {"Indexes"}, "capacity": {"3000000000"}, "duration_minutes": {"60"}}
	wantPage(t, formPost(t, c, "/meetups/"+m.ID, page, form), 422, `id="e-capacity">At most 100000.`)
	if err := app.Store.SetUserLang(t.Context(), app.User.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	form.Set("capacity", "-1")
	wantPage(t, formPost(t, c, "/meetups/"+m.ID, page, form), 422, `id="e-capacity">Не меньше 0.`)
	form.Set("capacity", "99999999999999999999999") // more than an int64
	wantPage(t, formPost(t, c, "/meetups/"+m.ID, page, form), 422, `id="e-capacity">Не больше 100000.`)
	newAPI(t, app).json(t, "GET", "/api/v1/meetups/"+m.ID, nil, 200, &m)
	if m.Capacity != 30 {
		t.Fatalf("capacity %d, want 30 kept", m.Capacity)
	}
}

// TestAPIRefusesHugeNumbers: a capacity, a follow-up delay or a feedback window beyond its
// bound is a 422 naming the field and the bound, on create, patch, schedule and settings; the
// meetup keeps its values.
func TestAPIRefusesHugeNumbers(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	create := api.call(t, "POST", "/api/v1/meetups", "application/json", map[string]any{"title": "Indexes", "capacity": 99999999999})
	wantFieldError(t, "create", create, "capacity", "At most 100000.")
	if n := meetupCount(t, app); n != 0 {
		t.Fatalf("%d meetups created", n)
	}
	var m meetup
	api.json(t, "POST", "/api/v1/meetups", map[string]any{"title": "Indexes", "capacity": 30}, 201, &m)
	path := "/api/v1/meetups/" + m.ID
	for what, c := range map[string]struct {
		method, path, field, want string
		body                      map[string]any
	}{
		"patch capacity":  {"PATCH", path, "capacity", "At most 100000.", map[string]any{"capacity": 3000000000}},
		"patch duration":  {"PATCH", path, "duration_minutes", "At most 1440.", map[string]any{"duration_minutes": 99999999999}},
		"patch open days": {"PATCH", path, "feedback_open_days", "At most 60.", map[string]any{"feedback_open_days": 3000000000}},
		"schedule":        {"POST", path + "/schedule", "capacity", "At most 100000.", map[string]any{"starts_at": "2099-05-05T12:00", "location": "Room 1", "capacity": 99999999999}},
		"follow-up days":  {"PUT", path + "/speaker-settings", "follow_up_days", "At most 60.", map[string]any{"follow_up_days": 99999999999}},
	} {
		wantFieldError(t, what, api.call(t, c.method, c.path, "application/json", c.body), c.field, c.want)
	}
	for body, want := range map[string]string{`{"capacity": 99999999999999999999}`: "This value is out of range.",
		`{"capacity": 2.5}`: "Enter a whole number.", `{"capacity": "ten"}`: "This field has the wrong type."} {
		wantFieldError(t, body, api.call(t, "PATCH", path, "application/json", body), "capacity", want)
	}
	api.json(t, "GET", path, nil, 200, &m)
	if m.Capacity != 30 || m.DurationMinutes != 60 {
		t.Fatalf("meetup changed: %+v", m)
	}
}

// TestAPIListLimitBounds: a limit below 1 names the bound, one that is not a number says so,
// one beyond any int gives the largest page.
func TestAPIListLimitBounds(t *testing.T) {
	api := newAPI(t, testutil.NewApp(t))
	wantFieldError(t, "limit 0", api.call(t, "GET", "/api/v1/meetups?limit=0", "", nil), "limit", "At least 1.")
	wantFieldError(t, "limit x", api.call(t, "GET", "/api/v1/meetups?limit=ten", "", nil), "limit", "Enter a whole number.")
	api.json(t, "GET", "/api/v1/meetups?limit=99999999999999999999999", nil, 200, nil)
}

// TestSlotLengthIsBounded: a candidate slot longer than a day is a 422 on ends_at saying how long
// a slot may be, not "This value is out of range.".
func TestSlotLengthIsBounded(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m := a.meetup("Slots", "Go", "UTC")
	start := time.Now().Add(72 * time.Hour).Truncate(time.Hour)
	body := map[string]any{"starts_at": start.Format(time.RFC3339), "ends_at": start.Add(25 * time.Hour).Format(time.RFC3339)}
	res := newAPI(t, app).call(t, "POST", "/api/v1/meetups/"+m+"/slots", "application/json", body)
	wantFieldError(t, "25-hour slot", res, "ends_at", "A slot lasts at most 24 hours.")
}
