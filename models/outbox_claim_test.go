package models_test

import (
	"sync"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

func TestClaimDueLeasesEachRowOnce(t *testing.T) {
	f := newOutboxFixture(t)
	f.enqueueN(t, 50)
	seen := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			for {
				rows, err := f.s.ClaimDue(f.ctx, 3, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if len(rows) == 0 {
					return
				}
				mu.Lock()
				for _, r := range rows {
					seen[r.ID]++
					if r.Status != models.OutboxSending || r.Attempts != 1 || r.Text == "" {
						t.Errorf("claimed row %+v", r)
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(seen) != 50 {
		t.Fatalf("%d rows claimed, want 50", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Fatalf("row %s claimed %d times", id, n)
		}
	}
}

func TestClaimDueTakesBackRunOutLeases(t *testing.T) {
	f := newOutboxFixture(t)
	id := f.enqueueN(t, 1)[0]
	first := f.claim(t, 5)
	if len(first) != 1 || len(f.claim(t, 5)) != 0 {
		t.Fatal("a leased row was claimed again")
	}
	f.exec(t, `UPDATE outbox SET lease_until = now() - interval '1 second' WHERE id = $1`, id)
	again := f.claim(t, 5)
	if len(again) != 1 || again[0].Attempts != 2 {
		t.Fatalf("after the lease ran out: %+v, want the row on its second attempt", again)
	}
	if err := f.s.MarkSent(f.ctx, first[0].Claim()); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(t, id, models.OutboxSending, "") // the old claim's mark changes nothing
	if err := f.s.MarkSent(f.ctx, again[0].Claim()); err != nil {
		t.Fatal(err)
	}
	if r := f.row(t, id); r.Status != models.OutboxSent || r.SentAt == nil {
		t.Fatalf("row %+v, want sent", r)
	}
}

func TestExpiredRowIsNeverClaimed(t *testing.T) {
	f := newOutboxFixture(t)
	past := time.Now().Add(-time.Minute)
	m := f.msg("reminder")
	m.ExpiresAt = &past
	id := f.enqueue(t, m)
	if rows := f.claim(t, 5); len(rows) != 0 {
		t.Fatalf("claimed an expired reminder: %+v", rows)
	}
	f.wantStatus(t, id, models.OutboxExpired, "")
}

func TestRowPastSendByFailsWithLastError(t *testing.T) {
	f := newOutboxFixture(t)
	id := f.enqueueN(t, 1)[0]
	c := f.claim(t, 1)[0].Claim()
	st, err := f.s.MarkRetry(f.ctx, c, "451 4.3.0 Try again later", time.Millisecond)
	if err != nil || st != models.OutboxQueued {
		t.Fatalf("retry: %q %v", st, err)
	}
	f.exec(t, `UPDATE outbox SET send_by = now() - interval '1 second', next_attempt_at = now() - interval '1 second' WHERE id = $1`, id)
	if rows := f.claim(t, 5); len(rows) != 0 {
		t.Fatal("claimed a row past its send-by deadline")
	}
	f.wantStatus(t, id, models.OutboxFailed, "451 4.3.0 Try again later")
}

func TestMarkRetryPastDeadlineFails(t *testing.T) {
	f := newOutboxFixture(t)
	m := f.msg("short")
	m.SendWithin = time.Minute
	id := f.enqueue(t, m)
	c := f.claim(t, 1)[0].Claim()
	st, err := f.s.MarkRetry(f.ctx, c, "451 busy", time.Hour)
	if err != nil || st != models.OutboxFailed {
		t.Fatalf("status %q (%v), want failed: the retry would come after send-by", st, err)
	}
	f.wantStatus(t, id, models.OutboxFailed, "451 busy")
}

func TestReleaseUncountsTheAttempt(t *testing.T) {
	f := newOutboxFixture(t)
	id := f.enqueueN(t, 1)[0]
	c := f.claim(t, 1)[0].Claim()
	if err := f.s.Release(f.ctx, []models.ClaimRef{c}); err != nil {
		t.Fatal(err)
	}
	r := f.row(t, id)
	if r.Status != models.OutboxQueued || r.Attempts != 0 {
		t.Fatalf("released row: %s after %d attempts", r.Status, r.Attempts)
	}
}

func TestHoldDueKeepsMailWithReason(t *testing.T) {
	f := newOutboxFixture(t)
	ids := f.enqueueN(t, 3)
	n, err := f.s.HoldDue(f.ctx)
	if err != nil || n != 3 {
		t.Fatalf("held %d (%v)", n, err)
	}
	for _, id := range ids {
		f.wantStatus(t, id, models.OutboxHeld, models.NoSMTPReason)
	}
}

func TestMarkFailedKeepsServerAnswer(t *testing.T) {
	f := newOutboxFixture(t)
	id := f.enqueueN(t, 1)[0]
	c := f.claim(t, 1)[0].Claim()
	if err := f.s.MarkFailed(f.ctx, c, "550 5.1.1 mailbox unavailable"); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(t, id, models.OutboxFailed, "550 5.1.1 mailbox unavailable")
}
