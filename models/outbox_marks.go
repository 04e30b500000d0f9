package models

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/lib/pq"
)

const markSentSQL = `
UPDATE outbox o SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = ''
FROM unnest($1::uuid[], $2::int[]) AS c(id, attempt)
WHERE o.id = c.id AND o.attempts = c.attempt AND o.status = 'queued' AND o.lease_until IS NOT NULL`

// MarkSent records that the server accepted these claimed rows, in one statement.
func (s *Store) MarkSent(ctx context.Context, claims ...ClaimRef) error {
	if len(claims) == 0 {
		return nil
	}
	ids, attempts := claimArrays(claims)
	_, err := s.DB.ExecContext(ctx, markSentSQL, ids, attempts)
	return mapErr(err)
}

const markRetrySQL = `
UPDATE outbox SET lease_until = NULL, last_error = $3, next_attempt_at = now() + $4 * interval '1 second',
    status = CASE WHEN expires_at <= now() + $4 * interval '1 second' THEN 'expired'
                  WHEN send_by <= now() + $4 * interval '1 second' THEN 'failed'
                  ELSE 'queued' END
WHERE id = $1 AND attempts = $2 AND status = 'queued' AND lease_until IS NOT NULL
RETURNING status`

// MarkRetry reschedules a row after a temporary failure, after delay (counted from the database's
// now()); a retry that would come after its send-by deadline fails it instead, after its expiry
// expires it. It returns the row's new status ("" if the claim no longer held).
func (s *Store) MarkRetry(ctx context.Context, c ClaimRef, reason string, delay time.Duration) (string, error) {
	var status string
	err := s.DB.GetContext(ctx, &status, markRetrySQL, c.ID, c.Attempt, reason, delay.Seconds())
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return status, mapErr(err)
}

const markFailedSQL = `
UPDATE outbox SET status = 'failed', lease_until = NULL, last_error = $3
WHERE id = $1 AND attempts = $2 AND status = 'queued' AND lease_until IS NOT NULL`

// MarkFailed records a permanent failure with the server's answer.
func (s *Store) MarkFailed(ctx context.Context, c ClaimRef, reason string) error {
	_, err := s.DB.ExecContext(ctx, markFailedSQL, c.ID, c.Attempt, reason)
	return mapErr(err)
}

// claimArrays splits claims into the two arrays the statements unnest.
func claimArrays(claims []ClaimRef) (any, any) {
	ids := make([]string, len(claims))
	attempts := make([]int64, len(claims))
	for i, c := range claims {
		ids[i], attempts[i] = c.ID, int64(c.Attempt)
	}
	return pq.Array(ids), pq.Array(attempts)
}
