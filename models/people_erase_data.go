package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// What ON DELETE CASCADE removes with the people row: RSVPs (and their events), survey invites,
// answers and votes, feedback requests and feedback, personal links, the linked speaker record
// and its candidacies. The steps below handle what refers to the person without a foreign key.

const eraseExcessSeatsSQL = `DELETE FROM rsvp_seats WHERE person_id = $1 AND excess`

// eraseExcessSeats drops the excess seats the person holds (an excess seat cannot be left
// empty); their seats within capacity are freed by the cascade and refilled by the seat sweep.
func eraseExcessSeats(ctx context.Context, tx *sqlx.Tx, e erasee) error {
	_, err := tx.ExecContext(ctx, eraseExcessSeatsSQL, e.ID)
	return err
}

// personCandidatesSQL lists, as text, the ids of the candidacies of the person's speaker record ($1).
const personCandidatesSQL = `SELECT c.id::text FROM candidates c JOIN speakers s ON s.id = c.speaker_id WHERE s.person_id = $1`

const eraseSpeakerLinksSQL = `
DELETE FROM links WHERE team_id = $2 AND purpose IN ('outreach', 'confirm') AND subject IN (` + personCandidatesSQL + `)`

// eraseSpeakerLinks deletes the speaker reply and confirmation links, which name the candidacy
// rather than the person.
func eraseSpeakerLinks(ctx context.Context, tx *sqlx.Tx, e erasee) error {
	_, err := tx.ExecContext(ctx, eraseSpeakerLinksSQL, e.ID, e.TeamID)
	return err
}

const eraseUnsentMailSQL = `
DELETE FROM outbox WHERE team_id = $1 AND (person_id = $2 OR lower(to_email) = lower($3)) AND status <> 'sent'`

const scrubSentMailSQL = `
UPDATE outbox SET person_id = NULL, to_email = '', to_name = '', subject = '', text_body = '', html_body = '',
    ics = NULL, ics_method = NULL, last_error = ''
WHERE team_id = $1 AND (person_id = $2 OR lower(to_email) = lower($3)) AND status = 'sent'`

// eraseMail deletes the person's mail not sent yet (queued, held, failed, expired) and keeps of
// the sent only what was sent when, with no address, subject or body.
func eraseMail(ctx context.Context, tx *sqlx.Tx, e erasee) error {
	if _, err := tx.ExecContext(ctx, eraseUnsentMailSQL, e.TeamID, e.ID, e.Email); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, scrubSentMailSQL, e.TeamID, e.ID, e.Email)
	return err
}

// alertsAboutSQL matches the organisers' feedback alerts about person $2, which quote their name,
// address and comments: keys are feedback_alert:<meetup>:<person>:<organiser>.
const alertsAboutSQL = `team_id = $1 AND kind = 'feedback_alert' AND idempotency_key LIKE 'feedback_alert:%:' || $2 || ':%'`

const eraseUnsentAlertsSQL = `DELETE FROM outbox WHERE ` + alertsAboutSQL + ` AND status <> 'sent'`

const scrubSentAlertsSQL = `
UPDATE outbox SET subject = '', text_body = '', html_body = '', last_error = '' WHERE ` + alertsAboutSQL + ` AND status = 'sent'`

// eraseAlertsAbout deletes the organisers' unsent alerts about the person's answers and blanks
// the sent ones (kept for the counts, addressed to the organiser, with no subject or body).
func eraseAlertsAbout(ctx context.Context, tx *sqlx.Tx, e erasee) error {
	if _, err := tx.ExecContext(ctx, eraseUnsentAlertsSQL, e.TeamID, e.ID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, scrubSentAlertsSQL, e.TeamID, e.ID)
	return err
}

const eraseAuditAddressesSQL = `
UPDATE audit_log SET detail = jsonb_set(detail, '{to}', '"(erased)"')
WHERE team_id = $1 AND lower(detail->>'to') = lower($2)`

// eraseAuditAddresses replaces the person's address where an audit entry quotes it (a retried
// mail's recipient); entries otherwise name people by id only.
func eraseAuditAddresses(ctx context.Context, tx *sqlx.Tx, e erasee) error {
	_, err := tx.ExecContext(ctx, eraseAuditAddressesSQL, e.TeamID, e.Email)
	return err
}
