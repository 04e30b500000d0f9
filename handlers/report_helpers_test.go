package handlers_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// reportEnv is an app with a logged-in organiser, an API client and helpers that write step-6
// fixtures (people, RSVPs, check-ins, feedback, speakers) with SQL.
type reportEnv struct {
	*testutil.App
	t   *testing.T
	ctx context.Context
	c   *testutil.Client
	api apiClient
}

// newReportEnv starts the app. Browser tests stay serial: the tabs of one Chromium share cookies
// by host, so two apps on 127.0.0.1 would log each other out.
func newReportEnv(t *testing.T) *reportEnv {
	t.Helper()
	app := testutil.NewApp(t)
	return &reportEnv{App: app, t: t, ctx: context.Background(), c: loggedIn(t, app), api: newAPI(t, app)}
}

// exec runs fixture SQL or fails the test.
func (e *reportEnv) exec(q string, args ...any) {
	e.t.Helper()
	if _, err := e.Store.DB.ExecContext(e.ctx, q, args...); err != nil {
		e.t.Fatalf("fixture %q: %v", q, err)
	}
}

// meetup creates a meetup of the team (in seriesID when not "") that started at start and lasted an hour.
func (e *reportEnv) meetup(title string, start time.Time, seriesID string) models.Meetup {
	e.t.Helper()
	nm := models.NewMeetup{Title: title, Format: "lunch_and_learn", Timezone: "Europe/Berlin", Location: "Kitchen"}
	if seriesID != "" {
		nm.SeriesID = &seriesID
	}
	m, err := e.Store.CreateMeetup(e.ctx, e.Team.ID, e.User.ID, nm)
	if err != nil {
		e.t.Fatal(err)
	}
	e.exec(`UPDATE meetups SET starts_at = $2, ends_at = $2::timestamptz + interval '1 hour', stage = 'scheduled' WHERE id = $1`, m.ID, start)
	return m
}

// people creates n people named prefix-i with the given language and returns their ids.
func (e *reportEnv) people(prefix string, n int, lang string) []string {
	e.t.Helper()
	ids := make([]string, n)
	for i := range ids {
		err := e.Store.DB.GetContext(e.ctx, &ids[i], `INSERT INTO people (team_id, email, name, language)
			VALUES ($1, $2, $3, $4) RETURNING id`, e.Team.ID, fmt.Sprintf("%s-%d@example.com", prefix, i), fmt.Sprintf("%s %d", prefix, i), lang)
		if err != nil {
			e.t.Fatal(err)
		}
	}
	return ids
}

// rsvp records an invited person's answer and whether they were checked in.
func (e *reportEnv) rsvp(meetupID, personID, status string, checkedIn bool) {
	e.t.Helper()
	e.exec(`INSERT INTO rsvps (meetup_id, person_id, team_id, status, invited_at, checked_in_at)
		SELECT $1, $2, team_id, $3, now() - interval '10 days', CASE WHEN $4 THEN now() - interval '2 hours' END FROM meetups WHERE id = $1`,
		meetupID, personID, status, checkedIn)
}

// feedback records one answer; nps and impact < 0 mean not answered.
func (e *reportEnv) feedback(meetupID, personID string, rating, nps, impact int, useful, improve, topics string) {
	e.t.Helper()
	e.exec(`INSERT INTO feedback (meetup_id, person_id, team_id, rating, nps, impact, useful, improve, next_topics)
		SELECT $1, $2, team_id, $3, NULLIF($4, -1), NULLIF($5, -1), $6, $7, $8 FROM meetups WHERE id = $1`,
		meetupID, personID, rating, nps, impact, useful, improve, topics)
}

// speaker adds a speaker as a confirmed candidate of the meetup and returns the speaker's id.
func (e *reportEnv) speaker(meetupID, name, email, lang, talk string) string {
	e.t.Helper()
	var id string
	err := e.Store.DB.GetContext(e.ctx, &id, `INSERT INTO speakers (team_id, name, email, language, source)
		VALUES ($1, $2, $3, $4, 'staff') ON CONFLICT (team_id, lower(email)) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
		e.Team.ID, name, email, lang)
	if err != nil {
		e.t.Fatal(err)
	}
	e.exec(`INSERT INTO candidates (team_id, meetup_id, speaker_id, status, talk_title, confirmed_at)
		VALUES ($1, $2, $3, 'confirmed', $4, now() - interval '5 days')`, e.Team.ID, meetupID, id, talk)
	return id
}

// report reads the meetup's report through the API.
func (e *reportEnv) report(meetupID string) models.Report {
	e.t.Helper()
	var r models.Report
	e.api.json(e.t, "GET", "/api/v1/meetups/"+meetupID+"/report", nil, 200, &r)
	return r
}
