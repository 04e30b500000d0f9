// Package bench measures Convene against its goals on a real PostgreSQL (see the Makefile's bench).
package bench

import (
	"context"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// rsvpBench is an app on a real listener with a scheduled meetup and everyone invited.
type rsvpBench struct {
	app    *testutil.App
	meetup models.Meetup
	tokens []string // RSVP link token per person
}

// rsvpSetup starts the app with n people invited to a meetup of capacity seats.
func rsvpSetup(b *testing.B, n, capacity, pool int) *rsvpBench {
	b.Helper()
	ctx := context.Background()
	app := testutil.NewApp(b)
	app.Store.SetPoolSize(pool)
	if err := app.Store.PrepareHot(ctx); err != nil { // as convene serve does at start
		b.Fatal(err)
	}
	var people []string
	err := app.Store.DB.SelectContext(ctx, &people, `
		INSERT INTO people (team_id, email, name, timezone, language)
		SELECT $1, 'p' || g || '@corp.example', 'Person ' || g, 'Europe/Berlin', 'en' FROM generate_series(1, $2) g
		RETURNING id`, app.Team.ID, n)
	if err != nil {
		b.Fatal(err)
	}
	m, err := app.Store.CreateMeetup(ctx, app.Team.ID, app.User.ID, models.NewMeetup{Title: "Storm", Format: "lunch_and_learn", Timezone: "Europe/Berlin"})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)
	room, link := "Main hall", "https://meet.example.com/storm"
	sc := models.ScheduleInput{StartsAt: start, Location: &room, OnlineURL: &link, Capacity: &capacity}
	if _, err := app.Store.Schedule(ctx, app.Team.ID, app.User.ID, m.ID, sc, models.RecordEvent, models.NoBroadcast); err != nil {
		b.Fatal(err)
	}
	_, err = app.Store.DB.ExecContext(ctx, `INSERT INTO rsvps (meetup_id, person_id, team_id, invited_at)
		SELECT $1, id, $2, now() FROM people WHERE team_id = $2`, m.ID, app.Team.ID)
	if err != nil {
		b.Fatal(err)
	}
	rb := &rsvpBench{app: app, meetup: m, tokens: rsvpLinks(b, app, m.ID, people)}
	// Invitations go out days before their answers: autovacuum has analysed the new rows by then.
	if _, err := app.Store.DB.ExecContext(ctx, `ANALYZE people, links, rsvps, rsvp_seats`); err != nil {
		b.Fatal(err)
	}
	return rb
}

// rsvpLinks makes everyone's RSVP link and calendar feed link, as an invitation send does.
func rsvpLinks(b *testing.B, app *testutil.App, meetupID string, people []string) []string {
	b.Helper()
	ctx, team := context.Background(), app.Team.ID
	byPerson, err := app.H.Links.EnsureMany(ctx, app.Store.DB, team, models.PurposeRSVP, meetupID, people)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := app.H.Links.EnsureMany(ctx, app.Store.DB, team, models.PurposeCalendar, "", people); err != nil {
		b.Fatal(err)
	}
	tokens := make([]string, len(people))
	for i, id := range people {
		tokens[i] = byPerson[id]
	}
	return tokens
}
