package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// erasee is the person being erased, as the erase steps need them.
type erasee struct {
	TeamID string `db:"team_id"`
	ID     string `db:"id"`
	Email  string `db:"email"`
}

// personEraser removes one kind of a person's data inside the erase transaction.
type personEraser struct {
	what string
	run  func(ctx context.Context, tx *sqlx.Tx, e erasee) error
}

// personErasers run in order inside ErasePerson. Each later step adds its own (survey answers, RSVPs,
// pending mail…), or references people with ON DELETE CASCADE so that deleting the row suffices.
var personErasers = []personEraser{
	{"audiences", eraseFromAudiences},
	{"seats", eraseExcessSeats},
	{"speaker_links", eraseSpeakerLinks},
	{"mail", eraseMail},
	{"alerts", eraseAlertsAbout},
	{"audit_addresses", eraseAuditAddresses},
	{"person", erasePersonRow},
}

const lockPersonSQL = `SELECT team_id, id, email FROM people WHERE id = $1 AND team_id = $2 FOR UPDATE`

// ErasePerson removes a person of the team and everything that names them, in one transaction.
// The audit entry records the person's id and what was erased, never their name or address.
func (s *Store) ErasePerson(ctx context.Context, teamID, userID, id string) error {
	if !IsUUID(id) {
		return ErrNotFound
	}
	return s.InTx(ctx, func(tx *sqlx.Tx) error {
		var e erasee
		if err := tx.GetContext(ctx, &e, lockPersonSQL, id, teamID); err != nil {
			return err
		}
		done := make([]string, 0, len(personErasers))
		for _, step := range personErasers {
			if err := step.run(ctx, tx, e); err != nil {
				return err
			}
			done = append(done, step.what)
		}
		return Audit(ctx, tx, teamID, userID, "person.erase", "person:"+id, map[string]any{"erased": done})
	})
}

const eraseFromAudiencesSQL = `
UPDATE audiences
SET include_emails = array(SELECT e FROM unnest(include_emails) e WHERE lower(e) <> lower($2)),
    exclude_emails = array(SELECT e FROM unnest(exclude_emails) e WHERE lower(e) <> lower($2))
WHERE team_id = $1
  AND EXISTS (SELECT 1 FROM unnest(include_emails || exclude_emails) e WHERE lower(e) = lower($2))`

// eraseFromAudiences drops the person's address from the team's include and exclude lists.
func eraseFromAudiences(ctx context.Context, tx *sqlx.Tx, e erasee) error {
	_, err := tx.ExecContext(ctx, eraseFromAudiencesSQL, e.TeamID, e.Email)
	return err
}

const deletePersonSQL = `DELETE FROM people WHERE id = $1 AND team_id = $2`

// erasePersonRow deletes the directory row; tables referencing people cascade.
func erasePersonRow(ctx context.Context, tx *sqlx.Tx, e erasee) error {
	_, err := tx.ExecContext(ctx, deletePersonSQL, e.ID, e.TeamID)
	return err
}
