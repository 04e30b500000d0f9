package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// AnswersWaiting says how many answers to the meetup wait for its next batch (for tests that
// line answers up behind a held lock).
func (s *Store) AnswersWaiting(meetupID string) int {
	s.answers.mu.Lock()
	defer s.answers.mu.Unlock()
	return len(s.answers.waiting[meetupID])
}

// EnqueueNotices runs enqueueNotices, the padded and prepared EnqueueBatch of a batch of answers.
func (s *Store) EnqueueNotices(ctx context.Context, tx *sqlx.Tx, msgs []OutboxMessage) error {
	return s.enqueueNotices(ctx, tx, msgs)
}

// Prepared says how many queries the store has prepared on its pool.
func (s *Store) Prepared() int64 { return s.prepared.Load() }

// PrepareForTest prepares queries as the hot paths do.
func (s *Store) PrepareForTest(ctx context.Context, queries ...string) error {
	return s.prepare(ctx, queries...)
}

// Draining says whether a drain of the meetup's answers is running (its batches, or rolling back
// the transaction its last batch opened).
func (s *Store) Draining(meetupID string) bool {
	s.answers.mu.Lock()
	defer s.answers.mu.Unlock()
	return s.answers.running[meetupID]
}
