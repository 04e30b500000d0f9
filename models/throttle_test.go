package models_test

import (
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
)

// TestLoginFailuresAreCountedPerKeyAndWindow proves failures count per key within the window,
// clearing one key keeps the others, and pruning drops only day-old records.
func TestLoginFailuresAreCountedPerKeyAndWindow(t *testing.T) {
	s := testutil.DB(t)
	ctx := t.Context()
	for range 3 {
		if err := s.RecordFailure(ctx, "acct:ana@example.com", "ip:10.0.0.1"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RecordFailure(ctx, "acct:bo@example.com"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB.ExecContext(ctx, `INSERT INTO login_failures (key, failed_at) VALUES
		('acct:ana@example.com', now() - interval '1 hour'), ('acct:ana@example.com', now() - interval '2 days')`); err != nil {
		t.Fatal(err)
	}
	recent := func(key string, window time.Duration) int {
		t.Helper()
		n, err := s.RecentFailures(ctx, key, window)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	want := map[string]int{"acct:ana@example.com": 3, "ip:10.0.0.1": 3, "acct:bo@example.com": 1, "acct:cy@example.com": 0}
	for key, n := range want {
		if got := recent(key, 15*time.Minute); got != n {
			t.Fatalf("RecentFailures(%s, 15m) = %d, want %d", key, got, n)
		}
	}
	if got := recent("acct:ana@example.com", 3*time.Hour); got != 4 {
		t.Fatalf("RecentFailures over 3h = %d, want 4", got)
	}
	if err := s.PruneFailures(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, `SELECT count(*) FROM login_failures`); n != 8 {
		t.Fatalf("%d failures after pruning, want 8 (only the 2-day-old one dropped)", n)
	}
	if err := s.ClearFailures(ctx, "acct:ana@example.com"); err != nil {
		t.Fatal(err)
	}
	if a, ip := recent("acct:ana@example.com", 3*time.Hour), recent("ip:10.0.0.1", time.Hour); a != 0 || ip != 3 {
		t.Fatalf("after clearing the account: account %d (want 0), address %d (want 3)", a, ip)
	}
}
