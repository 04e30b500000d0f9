package mailer_test

import (
	"time"

	"github.com/convene/convene/models"
)

// counts reads the outbox's rows by status.
func (r *rig) counts() map[string]int {
	r.t.Helper()
	c, err := r.store.OutboxCounts(r.ctx)
	if err != nil {
		r.t.Fatal(err)
	}
	return c
}

// waitFor polls cond until it holds, failing after timeout with what describes the state.
func (r *rig) waitFor(what string, timeout time.Duration, cond func() bool) {
	r.t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			r.t.Fatalf("after %s: still not %s (outbox %v, smtp %d)", timeout, what, r.counts(), r.smtp.Count())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitSettled waits until no row is queued or sending.
func (r *rig) waitSettled(timeout time.Duration) map[string]int {
	r.t.Helper()
	var c map[string]int
	r.waitFor("settled", timeout, func() bool {
		c = r.counts()
		return c[models.OutboxQueued] == 0 && c[models.OutboxSending] == 0
	})
	return c
}
