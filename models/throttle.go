package models

import (
	"context"
	"time"
)

const countFailuresSQL = `
SELECT count(*) FROM login_failures WHERE key = $1 AND failed_at > now() - make_interval(secs => $2)`

// RecentFailures counts the failed logins recorded under key within the window.
func (s *Store) RecentFailures(ctx context.Context, key string, window time.Duration) (int, error) {
	var n int
	err := s.DB.GetContext(ctx, &n, countFailuresSQL, key, window.Seconds())
	return n, mapErr(err)
}

const recordFailureSQL = `INSERT INTO login_failures (key) SELECT unnest($1::text[])`

// RecordFailure notes a failed login under each key (account and client address).
func (s *Store) RecordFailure(ctx context.Context, keys ...string) error {
	_, err := s.DB.ExecContext(ctx, recordFailureSQL, stringArray(keys))
	return mapErr(err)
}

const clearFailuresSQL = `DELETE FROM login_failures WHERE key = $1`

// ClearFailures forgets failures under key after a successful login.
func (s *Store) ClearFailures(ctx context.Context, key string) error {
	_, err := s.DB.ExecContext(ctx, clearFailuresSQL, key)
	return mapErr(err)
}

const pruneFailuresSQL = `DELETE FROM login_failures WHERE failed_at < now() - interval '1 day'`

// PruneFailures drops failure records older than a day.
func (s *Store) PruneFailures(ctx context.Context) error {
	_, err := s.DB.ExecContext(ctx, pruneFailuresSQL)
	return mapErr(err)
}
