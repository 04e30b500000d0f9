package models

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

// RetryWindow is how long a message queued again by hand is retried before it fails again.
const RetryWindow = 24 * time.Hour

const retryOutboxSQL = `
UPDATE outbox SET status = 'queued', next_attempt_at = now(), lease_until = NULL,
    send_by = greatest(send_by, now() + $3 * interval '1 second')
WHERE id = $1 AND team_id = $2 AND status IN ('failed', 'held')
RETURNING ` + listColumns

const outboxOfTeamSQL = `SELECT true FROM outbox WHERE id = $1 AND team_id = $2`

// RetryOutbox queues a failed or held message of the team again and audits it; another team's
// or an unknown id is ErrNotFound, a message in any other status ErrConflict.
func (s *Store) RetryOutbox(ctx context.Context, teamID, userID, id string) (OutboxRow, error) {
	var r OutboxRow
	if !IsUUID(id) {
		return r, ErrNotFound
	}
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &r, retryOutboxSQL, id, teamID, RetryWindow.Seconds())
		if errors.Is(err, sql.ErrNoRows) {
			return retryRefusal(ctx, tx, teamID, id)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, notifyOutboxSQL); err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "outbox.retry", id, map[string]any{"kind": r.Kind, "to": r.ToEmail})
	})
	return r, err
}

// retryRefusal explains why a message could not be queued again: it is not the team's (no row,
// which InTx maps to ErrNotFound) or it is in a status that cannot be retried (ErrConflict).
func retryRefusal(ctx context.Context, tx *sqlx.Tx, teamID, id string) error {
	var found bool
	if err := tx.GetContext(ctx, &found, outboxOfTeamSQL, id, teamID); err != nil {
		return err
	}
	return ErrConflict
}
