package models

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jmoiron/sqlx"
)

// AuditEntry is one recorded organiser action.
type AuditEntry struct {
	ID        int64     `db:"id" json:"id"`
	UserEmail string    `db:"user_email" json:"user_email"`
	Action    string    `db:"action" json:"action"`
	Target    string    `db:"target" json:"target"`
	Detail    string    `db:"detail" json:"detail"`
	At        time.Time `db:"at" json:"at"`
	// TargetKind (meetup, person, audience, series or ""), TargetID and TargetLabel (its title
	// or name, "" when it is gone) say what the target names, for people to read.
	TargetKind  string `db:"target_kind" json:"target_kind"`
	TargetID    string `db:"target_id" json:"target_id"`
	TargetLabel string `db:"target_label" json:"target_label"`
	// CandidateName and PersonName name who the detail's candidate_id and person_id are (a name,
	// else the address; "" when gone), for people to read.
	CandidateName string `db:"candidate_name" json:"-"`
	PersonName    string `db:"person_name" json:"-"`
}

const auditSQL = `INSERT INTO audit_log (team_id, user_id, action, target, detail) VALUES ($1, NULLIF($2, '')::uuid, $3, $4, $5)`

// Audit appends an entry to the audit log inside tx.
func Audit(ctx context.Context, tx sqlx.ExtContext, teamID, userID, action, target string, detail map[string]any) error {
	if detail == nil {
		detail = map[string]any{}
	}
	b, err := json.Marshal(detail)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, auditSQL, teamID, userID, action, target, b)
	return mapErr(err)
}

// ListAudit returns the team's newest audit entries.
func (s *Store) ListAudit(ctx context.Context, teamID string, limit int) ([]AuditEntry, error) {
	out, _, err := s.AuditLog(ctx, teamID, AuditFilter{}, Page{Limit: limit})
	return out, err
}
