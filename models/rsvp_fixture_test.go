package models_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// fixture is a team with people and one scheduled meetup.
type fixture struct {
	store  *models.Store
	team   string
	meetup models.Meetup
	people []string
}

// newFixture schedules a meetup with capacity seats a week from now and adds n people.
func newFixture(t *testing.T, n, capacity int, remote *int) *fixture {
	t.Helper()
	ctx := context.Background()
	store := testutil.DB(t)
	team, err := store.EnsureTeam(ctx, "RSVP")
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{store: store, team: team.ID}
	err = store.DB.SelectContext(ctx, &f.people, `
		INSERT INTO people (team_id, email, name, timezone)
		SELECT $1, 'p' || g || '@example.com', 'Person ' || g, 'Europe/Berlin' FROM generate_series(1, $2) g
		RETURNING id`, team.ID, n)
	if err != nil {
		t.Fatal(err)
	}
	m, err := store.CreateMeetup(ctx, team.ID, "", models.NewMeetup{Title: "Lunch", Format: "lunch_and_learn", Timezone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	f.meetup = f.schedule(t, m.ID, capacity, remote)
	return f
}

// schedule (re)schedules the meetup with a capacity, a week from now.
func (f *fixture) schedule(t *testing.T, id string, capacity int, remote *int) models.Meetup {
	t.Helper()
	start := time.Now().Add(7 * 24 * time.Hour).UTC().Truncate(time.Hour).Format(time.RFC3339)
	room, link := "Room 1", "https://meet.example.com/x"
	in := models.ScheduleInput{StartsAt: start, Location: &room, OnlineURL: &link, Capacity: &capacity, RemoteCapacity: remote}
	out, err := f.store.Schedule(context.Background(), f.team, "", id, in, models.RecordEvent, models.NoBroadcast)
	if err != nil {
		t.Fatalf("schedule: %v", err)
	}
	return out.Meetup
}

// answer records one answer or fails the test.
func (f *fixture) answer(t *testing.T, person, status, mode string) models.AnswerResult {
	t.Helper()
	res, err := f.store.Answer(context.Background(), f.ans(person, status, mode), models.RecordEvent)
	if err != nil {
		t.Fatalf("answer %s %s: %v", status, mode, err)
	}
	return res
}

// ans builds an answer of a person.
func (f *fixture) ans(person, status, mode string) models.Answer {
	return models.Answer{TeamID: f.team, MeetupID: f.meetup.ID, PersonID: person, Status: status, Mode: mode}
}

// statuses maps each person to their status.
func (f *fixture) statuses(t *testing.T) map[string]string {
	t.Helper()
	rows := []struct {
		P string `db:"person_id"`
		S string `db:"status"`
	}{}
	if err := f.store.DB.Select(&rows, `SELECT person_id, status FROM rsvps WHERE meetup_id = $1`, f.meetup.ID); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		out[r.P] = r.S
	}
	return out
}

// waitlist lists those waiting for a mode, in order.
func (f *fixture) waitlist(t *testing.T, mode string) []string {
	t.Helper()
	var out []string
	err := f.store.DB.Select(&out, `SELECT person_id FROM rsvps WHERE meetup_id = $1 AND mode = $2
		AND status = 'waitlisted' ORDER BY waitlist_seq`, f.meetup.ID, mode)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// events counts recorded events per kind and person, failing on any key seen twice.
func (f *fixture) events(t *testing.T) map[string]map[string]int {
	t.Helper()
	evs, err := f.store.RSVPEvents(context.Background(), f.meetup.ID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]int{models.EventWaitlisted: {}, models.EventPromoted: {}, models.EventReminder: {}}
	for _, e := range evs {
		out[e.Kind][e.PersonID]++
	}
	return out
}

// count counts people per status.
func countStates(st map[string]string) map[string]int {
	out := map[string]int{}
	for _, s := range st {
		out[s]++
	}
	return out
}

// intp is a pointer to n.
func intp(n int) *int { return &n }

// fmtCounts shows counts in a failure message.
func fmtCounts(c map[string]int) string { return fmt.Sprint(c) }
