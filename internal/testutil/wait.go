package testutil

import (
	"testing"
	"time"
)

// Eventually polls ok every 20 ms until it holds, failing the test if it does not within the budget.
// Tests wait for a state this way, never by sleeping a guessed time.
func Eventually(t testing.TB, within time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, within)
		}
		<-tick.C
	}
}
