package smtptest

import (
	"testing"
	"time"
)

// WaitCount polls until at least n messages were accepted, failing the test after timeout.
func (s *Server) WaitCount(tb testing.TB, n int, timeout time.Duration) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for s.Count() < n {
		if time.Now().After(deadline) {
			tb.Fatalf("smtptest: %d of %d messages after %s", s.Count(), n, timeout)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
