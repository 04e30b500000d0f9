package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// ClaimRef names one claim of an outbox row: its id and the attempt number the claim set.
// A mark carrying a claim whose lease was taken over by another worker changes nothing.
type ClaimRef struct {
	ID      string
	Attempt int
}

// claimColumns are what a worker needs to send a row, and no more (each is read 10,000 times
// in a big fan-out).
const claimColumns = `id, to_email, to_name, from_addr, reply_to, subject, text_body, html_body,
    coalesce(ics, '') AS ics, coalesce(ics_method, '') AS ics_method, message_id, status, attempts, created_at`

// claimable is the condition of a row a worker may take: queued, due, and not under a live lease
// (a lease that ran out is a crashed worker's).
const claimable = `status = 'queued' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())`

// claimDueSQL, in one statement, leases up to $1 claimable rows; of those, a row past its expiry
// becomes expired and one past its send-by deadline failed instead, and is not returned. The
// lease changes only unindexed columns, so the update is a heap-only one.
const claimDueSQL = `
WITH due AS (
    SELECT id FROM outbox WHERE ` + claimable + `
    ORDER BY next_attempt_at LIMIT $1
    FOR UPDATE SKIP LOCKED
), claimed AS (
    UPDATE outbox o SET
        status = CASE WHEN o.expires_at <= now() THEN 'expired' WHEN o.send_by <= now() THEN 'failed'
                      ELSE 'queued' END,
        last_error = CASE WHEN o.expires_at <= now() THEN 'not sent: its moment passed before it could be sent'
                          WHEN o.send_by <= now() AND o.last_error = '' THEN 'not sent before its send-by deadline'
                          ELSE o.last_error END,
        lease_until = CASE WHEN least(o.expires_at, o.send_by) <= now() THEN NULL
                           ELSE now() + $2 * interval '1 second' END,
        attempts = CASE WHEN least(o.expires_at, o.send_by) <= now() THEN o.attempts ELSE o.attempts + 1 END
    WHERE o.id IN (SELECT id FROM due)
    RETURNING ` + claimColumns + `
)
SELECT id, to_email, to_name, from_addr, reply_to, subject, text_body, html_body, ics, ics_method, message_id,
    'sending' AS status, attempts, created_at
FROM claimed WHERE status = 'queued'`

// ClaimDue leases up to n due rows for lease, marking them sending and counting the attempt.
// Rows past their expiry become expired and rows past their send-by deadline failed, never sent
// (they count towards n: a claim may return fewer rows while more are due). The rows carry only
// what sending needs: addresses, subject, bodies, invite, Message-ID, attempt and creation time.
func (s *Store) ClaimDue(ctx context.Context, n int, lease time.Duration) ([]OutboxRow, error) {
	out := make([]OutboxRow, 0, n)
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, claimPlanSQL); err != nil {
			return err
		}
		return tx.SelectContext(ctx, &out, claimDueSQL, n, lease.Seconds())
	})
	return out, err
}

// claimPlanSQL makes the claim walk the due index in order and stop after n rows. Otherwise,
// with the stale statistics a burst of enqueued mail leaves, the planner may read every due
// entry into a bitmap, visit each row (sent ones included, until vacuum) and sort them all:
// a cost growing with the backlog at every claim. An ordered index scan also marks the entries
// of sent rows dead, so the next claims skip them.
const claimPlanSQL = `SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off`

const releaseSQL = `
UPDATE outbox o SET lease_until = NULL, attempts = o.attempts - 1
FROM unnest($1::uuid[], $2::int[]) AS c(id, attempt)
WHERE o.id = c.id AND o.attempts = c.attempt AND o.status = 'queued' AND o.lease_until IS NOT NULL`

// Release gives claimed but unsent rows back to the queue (at shutdown), uncounting the attempt.
func (s *Store) Release(ctx context.Context, claims []ClaimRef) error {
	if len(claims) == 0 {
		return nil
	}
	ids, attempts := claimArrays(claims)
	_, err := s.DB.ExecContext(ctx, releaseSQL, ids, attempts)
	return mapErr(err)
}

// NoSMTPReason is the last error of mail held because no SMTP server is configured.
const NoSMTPReason = "not sent: no SMTP configured"

const holdDueSQL = `
UPDATE outbox SET status = 'held', lease_until = NULL, last_error = $1
WHERE id IN (SELECT id FROM outbox WHERE ` + claimable + ` FOR UPDATE SKIP LOCKED)`

// HoldDue marks every due row held with NoSMTPReason: with no SMTP server, mail is kept, not dropped.
func (s *Store) HoldDue(ctx context.Context) (int, error) {
	res, err := s.DB.ExecContext(ctx, holdDueSQL, NoSMTPReason)
	if err != nil {
		return 0, mapErr(err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
