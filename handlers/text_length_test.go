package handlers_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// cyrillic is n Cyrillic letters: n characters, 2n bytes.
func cyrillic(n int) string { return strings.Repeat("Я", n) }

// tooLongRe is the message of a text over its limit, which it names.
var tooLongRe = regexp.MustCompile(`^At most [1-9][0-9]* characters\.$`)

// wantTooLong checks a JSON 422 naming field as too long, saying its limit.
func wantTooLong(t *testing.T, what string, res testutil.Response, field string) {
	t.Helper()
	b := apiError(t, what, res, 422, "invalid")
	if !tooLongRe.MatchString(b.Error.Fields[field]) {
		t.Fatalf("%s: fields %v, want %s too long, with its limit", what, b.Error.Fields, field)
	}
}

// TestSeriesNameCountsCharacters: a Cyrillic series name of 200 letters (400 bytes) is created
// and shown; 201 letters bring the form back with "At most 200 characters." next to the name.
func TestSeriesNameCountsCharacters(t *testing.T) {
	e := newReportEnv(t)
	page := e.c.Get(t, "/series").Body
	res := formPost(t, e.c, "/series", page, url.Values{"name": {cyrillic(201)}, "cadence": {"ежемесячно"}})
	if res.Status != 422 {
		t.Fatalf("201 letters: %d", res.Status)
	}
	mustContain(t, "refused series", res.Body, `id="e-name">At most 200 characters.`)
	res = formPost(t, e.c, "/series", page, url.Values{"name": {cyrillic(200)}, "cadence": {cyrillic(200)}})
	if res.Status != 303 {
		t.Fatalf("200 letters: %d, want 303", res.Status)
	}
	mustContain(t, "new series page", e.c.Get(t, res.Header.Get("Location")).Body, cyrillic(200))
}

// TestMeetupTextCountsCharacters: a meetup's title and location of 200 Cyrillic letters and a
// description of 10,000 are accepted; one letter more is refused, naming the field.
func TestMeetupTextCountsCharacters(t *testing.T) {
	api := newAPI(t, testutil.NewApp(t))
	var m meetup
	api.json(t, "POST", "/api/v1/meetups", map[string]any{"title": cyrillic(200), "location": cyrillic(200),
		"description": cyrillic(10000)}, 201, &m)
	if m.Title != cyrillic(200) || m.Location != cyrillic(200) {
		t.Fatalf("created %+v", m)
	}
	for _, c := range []struct {
		field string
		n     int
	}{{"title", 201}, {"location", 201}, {"description", 10001}} {
		body := map[string]any{"title": "Встреча", c.field: cyrillic(c.n)}
		res := api.call(t, "POST", "/api/v1/meetups", "application/json", body)
		wantFieldError(t, c.field, res, c.field, fmt.Sprintf("At most %d characters.", c.n-1))
	}
}

// TestMeetupTopicCountsCharacters: a topic of 200 Cyrillic letters set on the meetup page is
// shown there; 201 letters bring the form back with "At most 200 characters." next to the topic.
func TestMeetupTopicCountsCharacters(t *testing.T) {
	app := testutil.NewApp(t)
	var m meetup
	newAPI(t, app).json(t, "POST", "/api/v1/meetups", map[string]any{"title": "Обед"}, 201, &m)
	c, path := loggedIn(t, app), "/meetups/"+m.ID
	page := c.Get(t, path).Body
	res := formPost(t, c, path+"/topic", page, url.Values{"topic": {cyrillic(201)}})
	if res.Status != 422 {
		t.Fatalf("201 letters: %d", res.Status)
	}
	mustContain(t, "refused topic", res.Body, `id="e-topic">At most 200 characters.`)
	if err := app.Store.SetUserLang(t.Context(), app.User.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	res = formPost(t, c, path+"/topic", page, url.Values{"topic": {cyrillic(201)}})
	mustContain(t, "refused topic in Russian", res.Body, `id="e-topic">Не больше 200 символов.`)
	if res = formPost(t, c, path+"/topic", page, url.Values{"topic": {cyrillic(200)}}); res.Status != 303 {
		t.Fatalf("200 letters: %d, want 303", res.Status)
	}
	mustContain(t, "meetup page", c.Get(t, path).Body, `id="meetup-topic"><strong>`+cyrillic(200)+`<`)
}

// TestAudienceNameCountsCharacters: an audience named with 200 Cyrillic letters is created; 201 is too long.
func TestAudienceNameCountsCharacters(t *testing.T) {
	api := newAPI(t, testutil.NewApp(t))
	wantTooLong(t, "201 letters", api.call(t, "POST", "/api/v1/audiences", "application/json",
		map[string]any{"name": cyrillic(201)}), "name")
	var a struct{ ID, Name string }
	api.json(t, "POST", "/api/v1/audiences", map[string]any{"name": cyrillic(200)}, 201, &a)
	api.json(t, "GET", "/api/v1/audiences/"+a.ID, nil, 200, &a)
	if a.Name != cyrillic(200) {
		t.Fatalf("audience %q", a.Name)
	}
}

// TestPersonTextCountsCharacters: a person's name, department and location of 200 Cyrillic
// letters and an interest of 100 are accepted; one letter more in any is refused, naming the field.
func TestPersonTextCountsCharacters(t *testing.T) {
	api := newAPI(t, testutil.NewApp(t))
	person := func(i, extra int, field string) map[string]any {
		p := map[string]any{"email": fmt.Sprintf("p%d@example.com", i), "name": cyrillic(200), "department": cyrillic(200),
			"location": cyrillic(200), "interests": []string{cyrillic(100)}}
		if field == "interests" {
			p[field] = []string{cyrillic(100 + extra)}
		} else if field != "" {
			p[field] = cyrillic(200 + extra)
		}
		return p
	}
	var p struct{ Name, Department string }
	api.json(t, "POST", "/api/v1/people", person(0, 0, ""), 201, &p)
	if p.Name != cyrillic(200) || p.Department != cyrillic(200) {
		t.Fatalf("person %+v", p)
	}
	for i, field := range []string{"name", "department", "location", "interests"} {
		wantTooLong(t, field, api.call(t, "POST", "/api/v1/people", "application/json", person(i+1, 1, field)), field)
	}
}

// TestWalkInNameCountsCharacters: a walk-in named with 200 Cyrillic letters is checked in under
// that name; 201 letters are refused, naming the entry.
func TestWalkInNameCountsCharacters(t *testing.T) {
	e := newDoorEnv(t, 1, 1, 10)
	path := "/api/v1/meetups/" + e.meetup.ID + "/attendance"
	body := func(email, name string) string {
		return fmt.Sprintf(`{"emails":[%q],"walk_in":true,"names":{%q:%q}}`, email, email, name)
	}
	wantTooLong(t, "201 letters", e.call(t, "POST", path, body("long@example.com", cyrillic(201))), "names[0]")
	walk := e.attendance(t, "POST", body("walkin@example.com", cyrillic(200)), 200)
	if len(walk.Items) != 1 || walk.Items[0].Name != cyrillic(200) {
		t.Fatalf("walk-in %+v", walk.Items)
	}
}
