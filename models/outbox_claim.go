package models

import (
	"context"
	"time"
)

// ClaimRef names one claim of an outbox row: its id and the attempt number the claim set.
// A mark carrying a claim whose lease was taken over by another worker changes nothing.
type ClaimRef struct {
	ID      string
	Attempt int
}

// claimColumns are what a worker needs to send a row.
const claimColumns = `id, team_id, kind, lang, to_email, to_name, from_addr, subject, text_body, html_body,
    coalesce(ics, '') AS ics, coalesce(ics_method, '') AS ics_method, message_id, status, attempts,
    next_attempt_at, send_by, created_at`

// claimDueSQL, in one statement: drops rows past their expiry, fails rows past their send-by
// deadline, then leases up to $1 rows that are due or whose lease ran out (a crashed worker's).
const claimDueSQL = `
WITH lapsed AS (
    UPDATE outbox SET status = 'expired', lease_until = NULL,
        last_error = 'not sent: its moment passed before it could be sent'
    WHERE id IN (SELECT id FROM outbox
                 WHERE status IN ('queued', 'sending') AND least(send_by, expires_at) <= now()
                   AND expires_at <= now() AND (status = 'queued' OR lease_until < now())
                 FOR UPDATE SKIP LOCKED)
), late AS (
    UPDATE outbox SET status = 'failed', lease_until = NULL,
        last_error = CASE WHEN last_error = '' THEN 'not sent before its send-by deadline' ELSE last_error END
    WHERE id IN (SELECT id FROM outbox
                 WHERE status IN ('queued', 'sending') AND least(send_by, expires_at) <= now()
                   AND send_by <= now() AND (expires_at IS NULL OR expires_at > now())
                   AND (status = 'queued' OR lease_until < now())
                 FOR UPDATE SKIP LOCKED)
), due AS (
    SELECT id FROM outbox
    WHERE status = 'queued' AND next_attempt_at <= now() AND least(send_by, expires_at) > now()
    ORDER BY next_attempt_at LIMIT $1
    FOR UPDATE SKIP LOCKED
), stale AS (
    SELECT id FROM outbox
    WHERE status = 'sending' AND lease_until < now() AND least(send_by, expires_at) > now()
    LIMIT $1
    FOR UPDATE SKIP LOCKED
)
UPDATE outbox o SET status = 'sending', lease_until = now() + $2 * interval '1 second', attempts = o.attempts + 1
WHERE o.id IN (SELECT id FROM (SELECT id FROM stale UNION ALL SELECT id FROM due) c LIMIT $1)
RETURNING ` + claimColumns

// ClaimDue leases up to n due rows for lease, marking them sending and counting the attempt.
// Rows past their expiry become expired and rows past their send-by deadline failed, never sent.
func (s *Store) ClaimDue(ctx context.Context, n int, lease time.Duration) ([]OutboxRow, error) {
	out := make([]OutboxRow, 0, n)
	err := s.DB.SelectContext(ctx, &out, claimDueSQL, n, lease.Seconds())
	return out, mapErr(err)
}

const releaseSQL = `
UPDATE outbox o SET status = 'queued', lease_until = NULL, attempts = o.attempts - 1
FROM unnest($1::uuid[], $2::int[]) AS c(id, attempt)
WHERE o.id = c.id AND o.attempts = c.attempt AND o.status = 'sending'`

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
WHERE id IN (SELECT id FROM outbox
             WHERE (status = 'queued' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now())
             FOR UPDATE SKIP LOCKED)`

// HoldDue marks every due row held with NoSMTPReason: with no SMTP server, mail is kept, not dropped.
func (s *Store) HoldDue(ctx context.Context) (int, error) {
	res, err := s.DB.ExecContext(ctx, holdDueSQL, NoSMTPReason)
	if err != nil {
		return 0, mapErr(err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
