package models

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
)

// Outbox statuses.
const (
	OutboxQueued  = "queued"
	OutboxSending = "sending"
	OutboxSent    = "sent"
	OutboxFailed  = "failed"
	OutboxHeld    = "held"
	OutboxExpired = "expired"
)

// OutboxStatuses lists every outbox status.
var OutboxStatuses = []string{OutboxQueued, OutboxSending, OutboxSent, OutboxFailed, OutboxHeld, OutboxExpired}

// DefaultSendWithin is how long temporary failures are retried when a message gives no SendWithin.
const DefaultSendWithin = 72 * time.Hour

// OutboxMessage is one fully rendered mail to enqueue; rendering happens before, in the caller.
type OutboxMessage struct {
	TeamID         string
	MeetupID       string // "" when the mail is about no meetup
	PersonID       string // "" when the recipient is not in the directory
	Kind           string // what the mail is: "test", "survey", "invite", "reminder"…
	Lang           string
	IdempotencyKey string // unique per intended mail, e.g. invite:<meetup>:<person>:<sequence>
	ToEmail        string
	ToName         string
	From           string // the From header, e.g. "Convene <convene@example.com>"
	ReplyTo        string // the Reply-To header, e.g. "Ann Lee <ann@example.com>", or "" for none
	Subject        string
	Text           string
	HTML           string
	ICS            string // the iCalendar object, or ""
	ICSMethod      string // its METHOD (REQUEST, CANCEL…), required with ICS
	MessageIDHost  string // right-hand side of the Message-ID; default: the From domain
	SendAt         *time.Time
	SendWithin     time.Duration // retry temporary failures this long after SendAt; default DefaultSendWithin
	ExpiresAt      *time.Time    // drop the mail if it is not sent by then (reminders)
}

// OutboxRow is a stored outbox message as workers, lists and the viewer read it.
type OutboxRow struct {
	ID            string     `db:"id"`
	TeamID        string     `db:"team_id"`
	MeetupID      *string    `db:"meetup_id"`
	PersonID      *string    `db:"person_id"`
	Kind          string     `db:"kind"`
	Lang          string     `db:"lang"`
	ToEmail       string     `db:"to_email"`
	ToName        string     `db:"to_name"`
	From          string     `db:"from_addr"`
	ReplyTo       string     `db:"reply_to"`
	Subject       string     `db:"subject"`
	Text          string     `db:"text_body"`
	HTML          string     `db:"html_body"`
	ICS           string     `db:"ics"`
	ICSMethod     string     `db:"ics_method"`
	MessageID     string     `db:"message_id"`
	Status        string     `db:"status"`
	Attempts      int        `db:"attempts"`
	LastError     string     `db:"last_error"`
	NextAttemptAt time.Time  `db:"next_attempt_at"`
	SendBy        time.Time  `db:"send_by"`
	ExpiresAt     *time.Time `db:"expires_at"`
	SentAt        *time.Time `db:"sent_at"`
	CreatedAt     time.Time  `db:"created_at"`
}

// Claim names one claim of a row: a worker's marks apply only while its claim still holds.
func (r OutboxRow) Claim() ClaimRef { return ClaimRef{ID: r.ID, Attempt: r.Attempts} }

const enqueueSQL = `
INSERT INTO outbox (id, team_id, meetup_id, person_id, kind, lang, idempotency_key, to_email, to_name,
    from_addr, subject, text_body, html_body, ics, ics_method, message_id, next_attempt_at, send_by, expires_at, reply_to)
VALUES ($1, $2, NULLIF($3, '')::uuid, NULLIF($4, '')::uuid, $5, $6, $7, $8, $9, $10, $11, $12, $13,
    NULLIF($14, ''), NULLIF($15, ''), $16, coalesce($17::timestamptz, now()),
    coalesce($17::timestamptz, now()) + $18 * interval '1 second', $19, $20)
ON CONFLICT (idempotency_key) DO NOTHING
RETURNING id`

const enqueuedIDSQL = `SELECT id FROM outbox WHERE idempotency_key = $1`

// enqueueArgs are enqueueSQL's arguments for m, a normalized message, stored as row id.
func enqueueArgs(id string, m OutboxMessage) []any {
	return []any{id, m.TeamID, m.MeetupID, m.PersonID, m.Kind, m.Lang, m.IdempotencyKey, m.ToEmail, m.ToName,
		m.From, m.Subject, m.Text, m.HTML, m.ICS, m.ICSMethod, messageID(id, m.MessageIDHost, m.From), m.SendAt,
		m.SendWithin.Seconds(), m.ExpiresAt, m.ReplyTo}
}

// Enqueue stores m in the caller's transaction; a key already there enqueues nothing and
// returns the existing row's id with created false.
func Enqueue(ctx context.Context, tx sqlx.ExtContext, m OutboxMessage) (id string, created bool, err error) {
	if err := m.normalize(); err != nil {
		return "", false, err
	}
	id = uuid.NewString()
	err = sqlx.GetContext(ctx, tx, &id, enqueueSQL, enqueueArgs(id, m)...)
	if errors.Is(err, sql.ErrNoRows) {
		err = sqlx.GetContext(ctx, tx, &id, enqueuedIDSQL, m.IdempotencyKey)
		return id, false, mapErr(err)
	}
	if err != nil {
		return "", false, mapErr(err)
	}
	return id, true, nil
}
