package handlers_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// crossedLocks makes send's edit of meetupID lose a deadlock, the way a transaction taking the
// meetup's row and then its speaker steps (the reverse of the edit's order) would make it:
//
//  1. a first connection holds the speaker steps' row; send's edit queues for it;
//  2. a second connection (a superuser's, whose deadlock_timeout of a minute keeps it from ever
//     looking for the deadlock itself) locks the meetup's row and queues for the speaker steps
//     behind the edit;
//  3. the first connection lets go: the edit takes the speaker steps, asks for the meetup's row
//     and closes the cycle, so its backend finds the deadlock and fails the edit's transaction.
//
// Then the second connection, which got the speaker steps, lets go too. Each step waits for the
// one before in pg_stat_activity, never on a timer. It returns send's response.
func crossedLocks(t *testing.T, app *testutil.App, meetupID string, send func() testutil.Response) testutil.Response {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	admin := adminDB(t, app)
	first := lockTx(ctx, t, app.Store.DB, "", `SELECT meetup_id FROM speaker_settings WHERE meetup_id = $1 FOR UPDATE`, meetupID)
	done := make(chan testutil.Response, 1)
	go func() { done <- send() }()
	waitForLockWaits(ctx, t, admin, 1)
	second := lockTx(ctx, t, admin, "SET LOCAL deadlock_timeout = '1min'", `SELECT id FROM meetups WHERE id = $1 FOR UPDATE`, meetupID)
	queued := make(chan error, 1)
	go func() {
		_, err := second.ExecContext(ctx, `SELECT meetup_id FROM speaker_settings WHERE meetup_id = $1 FOR UPDATE`, meetupID)
		queued <- err
	}()
	waitForLockWaits(ctx, t, admin, 2)
	if err := first.Rollback(); err != nil {
		t.Fatal(err)
	}
	if err := <-queued; err != nil {
		t.Fatalf("the other side of the deadlock failed instead of the edit: %v", err)
	}
	if err := second.Rollback(); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-done:
		return r
	case <-ctx.Done():
		t.Fatal("the edit did not answer")
	}
	return testutil.Response{}
}

// lockTx begins a transaction on db, runs setup (when not "") and the locking statement, and
// rolls it back at the end of the test if still open.
func lockTx(ctx context.Context, t *testing.T, db *sqlx.DB, setup, lock string, args ...any) *sqlx.Tx {
	t.Helper()
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tx.Rollback() })
	if setup != "" {
		if _, err := tx.ExecContext(ctx, setup); err != nil {
			t.Fatalf("%s: %v", setup, err)
		}
	}
	if _, err := tx.ExecContext(ctx, lock, args...); err != nil {
		t.Fatalf("%s: %v", lock, err)
	}
	return tx
}

// adminDB connects to the test's database as the server's administrator (DATABASE_URL's user),
// who may set deadlock_timeout.
func adminDB(t *testing.T, app *testutil.App) *sqlx.DB {
	t.Helper()
	var name string
	if err := app.Store.DB.Get(&name, `SELECT current_database()`); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(testutil.AdminURL(t))
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	db, err := sqlx.Open("postgres", u.String())
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(2)
	t.Cleanup(func() { db.Close() })
	return db
}

// waitForLockWaits returns once n backends of the test's database wait for a lock; admin sees
// every role's backends.
func waitForLockWaits(ctx context.Context, t *testing.T, admin *sqlx.DB, n int) {
	t.Helper()
	for {
		var waiting int
		err := admin.GetContext(ctx, &waiting, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`)
		if err != nil {
			t.Fatal(err)
		}
		if waiting >= n {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%d statements wait for a lock, never %d", waiting, n)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// editMarks counts what a reschedule leaves: the meetup's SEQUENCE, Ada's slot updates and the
// audit entries of meetup updates.
func editMarks(t *testing.T, e *rescheduleEnv) (seq, adaUpdates, audits int) {
	t.Helper()
	err := e.app.Store.DB.QueryRow(`SELECT ical_sequence, (SELECT count(*) FROM outbox WHERE meetup_id = $1 AND kind = $2
		AND to_email = 'ada@example.com'), (SELECT count(*) FROM audit_log WHERE action = 'meetup.update')
		FROM meetups WHERE id = $1`, e.m, models.NoticeSlotUpdate).Scan(&seq, &adaUpdates, &audits)
	if err != nil {
		t.Fatal(err)
	}
	return seq, adaUpdates, audits
}

// TestMeetupEditRetriesADeadlock: a PATCH that moves the meetup's start, and then the meetup edit
// form that moves its room, each lose a deadlock against another transaction holding the rows in
// the other order (as a speaker's confirmation completing the lineup could). Each is tried again,
// as scheduling is: the organiser gets 200 (the form: back to the meetup), not a 500; the SEQUENCE
// rises once per edit and the confirmed speaker gets one update per edit, not two.
func TestMeetupEditRetriesADeadlock(t *testing.T) {
	e := newRescheduleEnv(t)
	seq0, ada0, audit0 := editMarks(t, e)
	r := crossedLocks(t, e.app, e.m, func() testutil.Response {
		return e.a.c.Do(t, "PATCH", "/api/v1/meetups/"+e.m, "application/json",
			strings.NewReader(`{"starts_at":"`+e.at("13:00")+`"}`), "Authorization", "Bearer "+e.a.token)
	})
	if r.Status != 200 || !strings.Contains(r.Body, e.utc(t, "13:00")) {
		t.Fatalf("PATCH that lost a deadlock: %d, want 200 with the new start:\n%s", r.Status, r.Body)
	}
	if seq, ada, audits := editMarks(t, e); seq != seq0+1 || ada != ada0+1 || audits != audit0+1 {
		t.Fatalf("after the PATCH: SEQUENCE %d→%d, Ada's updates %d→%d, audit entries %d→%d; want one each",
			seq0, seq, ada0, ada, audit0, audits)
	}

	c, csrf := organiser(t, e.app)
	form := url.Values{"csrf_token": {csrf}, "title": {"Lunch & learn: Go"}, "format": {"talk"}, "timezone": {"Europe/Berlin"},
		"duration_minutes": {"75"}, "capacity": {"20"}, "location": {"Room 2"}}
	r = crossedLocks(t, e.app, e.m, func() testutil.Response { return c.PostForm(t, "/meetups/"+e.m, form) })
	if r.Status != 303 || r.Header.Get("Location") != "/meetups/"+e.m {
		t.Fatalf("edit form that lost a deadlock: %d (to %q), want 303 to the meetup:\n%s", r.Status, r.Header.Get("Location"), r.Body)
	}
	if seq, ada, audits := editMarks(t, e); seq != seq0+2 || ada != ada0+2 || audits != audit0+2 {
		t.Fatalf("after the form: SEQUENCE %d→%d, Ada's updates %d→%d, audit entries %d→%d; want one more each",
			seq0, seq, ada0, ada, audit0, audits)
	}
	var room string
	if err := e.app.Store.DB.Get(&room, `SELECT location FROM meetups WHERE id = $1`, e.m); err != nil || room != "Room 2" {
		t.Fatalf("room %q (%v), want Room 2", room, err)
	}
}
