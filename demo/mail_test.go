package demo_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/convene/convene/demo"
	"github.com/convene/convene/handlers"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestDemoQueuesRealMail: a fresh demo leaves invitations (with their REQUEST calendars and
// RSVP links) and survey reminders in the outbox; loading it again queues nothing more.
func TestDemoQueuesRealMail(t *testing.T) {
	store := testutil.DB(t)
	ctx := context.Background()
	h, err := handlers.New(store, slog.New(slog.NewTextHandler(io.Discard, nil)), handlers.Config{BaseURL: "http://localhost:8080"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, store, h); err != nil {
		t.Fatal(err)
	}
	kinds := func() map[string]int {
		var rows []struct {
			Kind string `db:"kind"`
			N    int    `db:"n"`
		}
		if err := store.DB.Select(&rows, `SELECT kind, count(*) AS n FROM outbox GROUP BY kind`); err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, r := range rows {
			out[r.Kind] = r.N
		}
		return out
	}
	first := kinds()
	if first["invite"] < 5 || len(first) < 2 {
		t.Fatalf("outbox after the demo: %v", first)
	}
	var text, ics string
	if err := store.DB.QueryRow(`SELECT text_body, ics FROM outbox WHERE kind = 'invite' LIMIT 1`).Scan(&text, &ics); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "http://localhost:8080/r/") || !strings.Contains(text, "Go generics in practice") ||
		!strings.Contains(ics, "METHOD:REQUEST") {
		t.Fatalf("demo invitation:\n%s\n%s", text, ics)
	}
	if _, err := demo.Load(ctx, store, h); err != nil {
		t.Fatal(err)
	}
	if again := kinds(); len(again) != len(first) || again["invite"] != first["invite"] {
		t.Fatalf("a second demo queued more: %v, first %v", again, first)
	}
	for k, n := range kinds() {
		if first[k] != n {
			t.Fatalf("a second demo queued more %s: %d, first %d", k, n, first[k])
		}
	}
}

// TestDemoLoadsAgainAfterTheUserChangedIt: `make run` loads the demo on every start; after the
// user cancelled the demo lunch and closed its survey, loading it again keeps their changes and
// succeeds, queueing nothing.
func TestDemoLoadsAgainAfterTheUserChangedIt(t *testing.T) {
	store := testutil.DB(t)
	ctx := context.Background()
	h, err := handlers.New(store, slog.New(slog.NewTextHandler(io.Discard, nil)), handlers.Config{BaseURL: "http://localhost:8080"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, store, h); err != nil {
		t.Fatal(err)
	}
	var team, lunch, survey string
	if err := store.DB.QueryRow(`SELECT team_id, id FROM meetups WHERE title = 'Lunch & Learn: Go generics in practice'`).Scan(&team, &lunch); err != nil {
		t.Fatal(err)
	}
	if err := store.DB.QueryRow(`SELECT id FROM meetups WHERE title = 'Tech talk: what should we cover next?'`).Scan(&survey); err != nil {
		t.Fatal(err)
	}
	if _, err := store.CancelMeetup(ctx, team, "", lunch, "Moved to January", models.NoBroadcast); err != nil {
		t.Fatal(err)
	}
	if _, err := store.CloseSurvey(ctx, team, "", survey); err != nil {
		t.Fatal(err)
	}
	var before int
	if err := store.DB.Get(&before, `SELECT count(*) FROM outbox`); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, store, h); err != nil {
		t.Fatalf("loading the demo again: %v", err)
	}
	var after int
	var stage string
	if err := store.DB.Get(&after, `SELECT count(*) FROM outbox`); err != nil || after != before {
		t.Fatalf("outbox %d rows, was %d (%v)", after, before, err)
	}
	if err := store.DB.Get(&stage, `SELECT stage FROM meetups WHERE id = $1`, lunch); err != nil || stage != "cancelled" {
		t.Fatalf("the lunch is %q again (%v)", stage, err)
	}
}
