package models

import (
	"context"
	"fmt"

	"golang.org/x/sync/semaphore"
)

// SetPoolSize bounds the pool to n connections, and as many transactions at once. database/sql
// hands a freed connection to a random waiter, so under a burst (an RSVP storm) some requests
// would wait many times longer than others; transactions instead queue at txGate, first come
// first served, and so do the seats and waitlist places they claim. Call it before any use.
func (s *Store) SetPoolSize(n int) {
	s.DB.SetMaxOpenConns(n)
	s.DB.SetMaxIdleConns(n)
	s.txGate = semaphore.NewWeighted(int64(n))
	s.poolSize = n
}

// enterTx waits for a transaction's turn, in arrival order; release ends it.
func (s *Store) enterTx(ctx context.Context) (release func(), err error) {
	if s.txGate == nil {
		return func() {}, nil
	}
	if err := s.txGate.Acquire(ctx, 1); err != nil {
		return nil, mapErr(fmt.Errorf("begin: %w", err))
	}
	return func() { s.txGate.Release(1) }, nil
}
