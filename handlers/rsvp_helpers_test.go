package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// rsvpEnv is an app with people, one scheduled meetup and a personal RSVP link for each person.
type rsvpEnv struct {
	app    *testutil.App
	api    *testutil.Client
	token  string
	meetup models.Meetup
	start  string
	people []models.Person
	links  []string
}

// newRSVPEnv schedules a lunch a week from now with capacity seats and invites n people
// (person i speaks Russian when i is odd and lives in Asia/Yekaterinburg).
func newRSVPEnv(t *testing.T, n, capacity int) *rsvpEnv {
	t.Helper()
	return newRSVPEnvWith(t, n, fmt.Sprintf(`"capacity":%d`, capacity))
}

// newRSVPEnvWith is newRSVPEnv with the schedule's limits given as JSON fields, such as
// `"capacity":5,"remote_capacity":1`.
func newRSVPEnvWith(t *testing.T, n int, limits string) *rsvpEnv {
	t.Helper()
	app := testutil.NewApp(t)
	e := &rsvpEnv{app: app, api: app.Client(), token: app.Token(t, app.User.Email)}
	ctx := context.Background()
	for i := 0; i < n; i++ {
		p := models.Person{Email: fmt.Sprintf("p%d@example.com", i), Name: fmt.Sprintf("Person %d", i), Timezone: "Europe/Berlin", Language: "en"}
		if i%2 == 1 {
			p.Timezone, p.Language = "Asia/Yekaterinburg", "ru"
		}
		if _, err := models.UpsertPerson(ctx, app.Store.DB, app.Team.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := app.Store.DB.Select(&e.people, `SELECT id, team_id, email, name, department, location, timezone, interests,
		language, created_at, updated_at FROM people ORDER BY (substring(email from '[0-9]+'))::int`); err != nil {
		t.Fatal(err)
	}
	e.meetup = e.createMeetup(t, "Lunch & learn: Go", "lunch_and_learn")
	e.start = time.Now().Add(7*24*time.Hour).In(mustZone(t, "Europe/Berlin")).Format("2006-01-02") + "T12:00"
	e.schedule(t, e.meetup.ID, fmt.Sprintf(`{"starts_at":%q,"location":"Room 1","online_url":"https://meet.example.com/go",%s}`, e.start, limits), 200)
	for _, p := range e.people {
		e.links = append(e.links, e.link(t, p.ID, e.meetup.ID))
	}
	return e
}

// createMeetup creates a meetup in Europe/Berlin through the API.
func (e *rsvpEnv) createMeetup(t *testing.T, title, format string) models.Meetup {
	t.Helper()
	body := fmt.Sprintf(`{"title":%q,"format":%q,"timezone":"Europe/Berlin","duration_minutes":60,"capacity":10}`, title, format)
	res := e.call(t, "POST", "/api/v1/meetups", body)
	var m models.Meetup
	if res.Status != 201 || json.Unmarshal([]byte(res.Body), &m) != nil {
		t.Fatalf("create meetup: %d %s", res.Status, res.Body)
	}
	return m
}

// schedule posts a schedule and checks the status.
func (e *rsvpEnv) schedule(t *testing.T, id, body string, want int) testutil.Response {
	t.Helper()
	res := e.call(t, "POST", "/api/v1/meetups/"+id+"/schedule", body)
	if res.Status != want {
		t.Fatalf("schedule %s: %d %s, want %d", body, res.Status, res.Body, want)
	}
	return res
}

// call sends an API request with the organiser's token.
func (e *rsvpEnv) call(t *testing.T, method, path, body string) testutil.Response {
	t.Helper()
	ct := ""
	if body != "" {
		ct = "application/json"
	}
	return e.api.Do(t, method, path, ct, strings.NewReader(body), "Authorization", "Bearer "+e.token)
}

// link creates a person's RSVP link (not their calendar feed's: sending or answering makes that)
// and returns the RSVP token.
func (e *rsvpEnv) link(t *testing.T, personID, meetupID string) string {
	t.Helper()
	ctx := context.Background()
	team := e.app.Team.ID
	tok, err := e.app.H.Links.Ensure(ctx, e.app.Store.DB, models.LinkSpec{TeamID: team, Purpose: models.PurposeRSVP, PersonID: &personID, MeetupID: &meetupID})
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// rsvpRows snapshots every RSVP row and seat as text, to prove a request changed nothing.
func (e *rsvpEnv) rsvpRows(t *testing.T) string {
	t.Helper()
	var rows []string
	err := e.app.Store.DB.Select(&rows, `
		SELECT format('%s %s %s %s %s', person_id, status, mode, dietary, updated_at) FROM rsvps
		UNION ALL SELECT format('seat %s %s %s', kind, n, person_id) FROM rsvp_seats
		UNION ALL SELECT 'event ' || key FROM rsvp_events ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(rows, "\n")
}

// mustZone loads a time zone or fails.
func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
