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

// TestConfirmWaitingOnCancelIsRefused: Zoe confirms her slot while the organiser's cancellation
// holds the speaker steps' lock. Once the cancellation commits, her confirmation, which waited for
// it, is refused (409, the page says the meetup is cancelled): she holds no slot and gets no invite
// after the cancellation.
func TestConfirmWaitingOnCancelIsRefused(t *testing.T) {
	e := newLineupEnv(t)
	entered, release := make(chan struct{}), make(chan struct{})
	hold := func(context.Context, *sqlx.Tx, models.MeetupChange) error { close(entered); <-release; return nil }
	cancelled := make(chan error, 1)
	go func() {
		_, err := e.app.Store.CancelMeetup(context.Background(), e.app.Team.ID, e.app.User.ID, e.m, "No budget", hold)
		cancelled <- err
	}()
	<-entered
	answered := make(chan testutil.Response, 1)
	path := spkLinkPath(t, e.app, e.m, e.zo, models.PurposeConfirm)
	go func() { answered <- e.app.Client().PostForm(t, path, url.Values{"confirm": {"yes"}}) }()
	waitForLockWait(t, e.app)
	close(release)
	if err := <-cancelled; err != nil {
		t.Fatalf("cancel: %v", err)
	}
	if res := <-answered; res.Status != 409 || !strings.Contains(res.Body, "This meetup is cancelled.") {
		t.Errorf("Zoe's confirmation that waited for the cancellation: %d\n%s", res.Status, res.Body)
	}
	var held int
	if err := e.app.Store.DB.Get(&held, `SELECT count(*) FROM slot_holds WHERE candidate_id = $1`, e.zo); err != nil || held != 0 {
		t.Errorf("Zoe holds %d slots (%v)", held, err)
	}
	if n := len(e.sentTo(t, models.NoticeConfirmed, "zoe@example.com")); n != 0 {
		t.Errorf("Zoe got %d invites for the cancelled meetup", n)
	}
}

// waitForLockWait waits (up to 30 s) until a statement on the test's database waits for a lock.
func waitForLockWait(t *testing.T, app *testutil.App) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); ; {
		var n int
		if err := app.Store.DB.Get(&n, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("no statement waits for the cancellation's lock")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
