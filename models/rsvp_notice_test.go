package models_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// A notice is recorded and enqueued once per key, and the workers are woken only after the
// answer's transaction committed: never while it is open (its commit takes no NOTIFY lock).
func TestNoticeWakesTheOutboxAfterCommit(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url := testutil.DBURL(t)
	store := testutil.Open(t, url, 4)
	team, err := store.EnsureTeam(ctx, "Notices")
	if err != nil {
		t.Fatal(err)
	}
	var person string
	if err := store.DB.GetContext(ctx, &person, `INSERT INTO people (team_id, email, name, timezone)
		VALUES ($1, 'w@example.com', 'W', 'UTC') RETURNING id`, team.ID); err != nil {
		t.Fatal(err)
	}
	m, err := store.CreateMeetup(ctx, team.ID, "", models.NewMeetup{Title: "Lunch", Format: "lunch_and_learn", Timezone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.DB.ExecContext(ctx, `INSERT INTO rsvps (meetup_id, person_id, team_id) VALUES ($1, $2, $3)`,
		m.ID, person, team.ID); err != nil {
		t.Fatal(err)
	}
	wake := models.ListenOutbox(ctx, url, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ev := models.RSVPEvent{Kind: models.EventWaitlisted, MeetupID: m.ID, PersonID: person, Position: 3, Key: "waitlisted:test:1"}
	msg := models.OutboxMessage{TeamID: team.ID, MeetupID: m.ID, PersonID: person, Kind: ev.Kind, IdempotencyKey: ev.Key,
		ToEmail: "w@example.com", From: "convene@convene.test", Subject: "Waitlisted", Text: "Place 3"}
	for range 2 {
		err = store.InTx(ctx, func(tx *sqlx.Tx) error {
			n, err := store.NoticeOf(ctx, tx, ev)
			if err != nil || n.Person.Email != "w@example.com" || n.Meetup.ID != m.ID || n.Person.Status != "invited" || n.LinkID != nil || len(n.Lineup) != 0 {
				t.Fatalf("notice data: %+v, %v", n, err)
			}
			if err := store.RecordNotice(ctx, tx, ev, msg); err != nil {
				return err
			}
			var quiet string // the trigger's NOTIFY, whose commit lock serializes answers, is off
			if err := tx.GetContext(ctx, &quiet, `SELECT current_setting('convene.outbox_wake')`); err != nil || quiet != "after_commit" {
				t.Fatalf("outbox_wake %q, %v", quiet, err)
			}
			waitWake(t, wake, false)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		waitWake(t, wake, true)
	}
	var events, mails int
	_ = store.DB.GetContext(ctx, &events, `SELECT count(*) FROM rsvp_events WHERE key = $1 AND position = 3`, ev.Key)
	_ = store.DB.GetContext(ctx, &mails, `SELECT count(*) FROM outbox WHERE idempotency_key = $1`, ev.Key)
	if events != 1 || mails != 1 {
		t.Fatalf("%d events and %d mails for one key", events, mails)
	}
}

// waitWake fails unless the workers are woken (want) or stay asleep for a while (!want).
func waitWake(t *testing.T, wake <-chan struct{}, want bool) {
	t.Helper()
	select {
	case <-wake:
		if !want {
			t.Fatal("the outbox was woken before the commit")
		}
	case <-time.After(map[bool]time.Duration{true: 10 * time.Second, false: 300 * time.Millisecond}[want]):
		if want {
			t.Fatal("the outbox was not woken after the commit")
		}
	}
}
