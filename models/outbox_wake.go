package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// Enqueuing wakes the outbox workers of every replica through NOTIFY (the outbox_notify
// trigger). But a transaction that ran NOTIFY takes a lock for the whole database at commit,
// so a storm of answers that each enqueue a notice would commit one at a time. Such a
// transaction says so instead (wakeAfterCommitSQL); InTx then wakes the workers once it has
// committed, coalescing the wake-ups of wakeDelay into one NOTIFY of its own. If the process
// dies in between, the workers' polling (at most 2 s) still finds the mail.

// wakeAfterCommitSQL silences the outbox trigger for the rest of the transaction.
const wakeAfterCommitSQL = `SELECT set_config('convene.outbox_wake', 'after_commit', true)`

// wakeDelay is how long wake-ups are gathered into one NOTIFY.
const wakeDelay = 5 * time.Millisecond

// wakeAfterCommit marks tx, whose trigger is silenced, as one whose commit wakes the workers.
func (s *Store) wakeAfterCommit(tx *sqlx.Tx) { s.wakes.Store(tx, struct{}{}) }

// committed wakes the workers after tx committed, when tx asked for it; done forgets tx.
func (s *Store) committed(tx *sqlx.Tx, ok bool) {
	if _, asked := s.wakes.LoadAndDelete(tx); asked && ok {
		s.wakeOutboxSoon()
	}
}

// wakeOutboxSoon sends one NOTIFY within wakeDelay; calls meanwhile share it. It is sent after
// every commit that called it, so no committed row waits for the poll.
func (s *Store) wakeOutboxSoon() {
	if !s.wakePending.CompareAndSwap(false, true) {
		return
	}
	time.AfterFunc(wakeDelay, func() {
		s.wakePending.Store(false)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, _ = s.DB.ExecContext(ctx, notifyOutboxSQL) // on failure the workers' polling finds the mail
	})
}
