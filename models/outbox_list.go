package models

import (
	"context"
	"slices"
	"time"
)

// OutboxFilter narrows the outbox list; empty fields match everything.
type OutboxFilter struct {
	MeetupID string
	Status   string
}

// check refuses an unknown status or a malformed meetup id, naming the field.
func (f OutboxFilter) check() error {
	fe := FieldErrors{}
	if f.Status != "" && !slices.Contains(OutboxStatuses, f.Status) {
		fe["status"] = "invalid_choice"
	}
	if f.MeetupID != "" && !IsUUID(f.MeetupID) {
		fe["meetup_id"] = "invalid"
	}
	return Invalid(fe)
}

// shownStatus is a row's status as shown: a queued row under a live lease is "sending".
const shownStatus = `CASE WHEN status = 'queued' AND lease_until > now() THEN 'sending' ELSE status END`

// listColumns are the outbox columns without the bodies.
const listColumns = `id, team_id, meetup_id, person_id, kind, lang, to_email, to_name, from_addr, reply_to, subject,
    message_id, ` + shownStatus + ` AS status, attempts, last_error, next_attempt_at, send_by, expires_at, sent_at,
    created_at`

// listOutboxSQL filters on the stored status (so the partial index of failed, held and expired
// mail serves those filters) and tells queued from sending by the lease.
const listOutboxSQL = `
SELECT ` + listColumns + ` FROM outbox
WHERE team_id = $1 AND ($2::uuid IS NULL OR meetup_id = $2)
  AND ($3 = '' OR status = (CASE WHEN $3 = 'sending' THEN 'queued' ELSE $3 END))
  AND ($3 NOT IN ('queued', 'sending') OR coalesce(lease_until > now(), false) = ($3 = 'sending'))
  AND ($4::timestamptz IS NULL OR (created_at, id) < ($4, $5::uuid))
ORDER BY created_at DESC, id DESC LIMIT $6`

// ListOutbox returns one page of the team's mail, newest first, and the next cursor.
func (s *Store) ListOutbox(ctx context.Context, teamID string, f OutboxFilter, p Page) ([]OutboxRow, string, error) {
	if err := f.check(); err != nil {
		return nil, "", err
	}
	p = p.Normalize()
	ks, err := decodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	var at *time.Time
	var id, meetup *string
	if ks != nil {
		if !IsUUID(ks.ID) {
			return nil, "", Invalid(FieldErrors{"cursor": "invalid_cursor"})
		}
		at, id = &ks.At, &ks.ID
	}
	if f.MeetupID != "" {
		meetup = &f.MeetupID
	}
	out := []OutboxRow{}
	if err := s.DB.SelectContext(ctx, &out, listOutboxSQL, teamID, meetup, f.Status, at, id, p.Limit+1); err != nil {
		return nil, "", mapErr(err)
	}
	next := ""
	if len(out) > p.Limit {
		out = out[:p.Limit]
		next = encodeCursor(out[len(out)-1].CreatedAt, out[len(out)-1].ID)
	}
	return out, next, nil
}

const getOutboxSQL = `
SELECT ` + listColumns + `, text_body, html_body, coalesce(ics, '') AS ics, coalesce(ics_method, '') AS ics_method
FROM outbox WHERE id = $1 AND team_id = $2`

// GetOutbox returns one of the team's messages with its bodies; another team's id is ErrNotFound.
func (s *Store) GetOutbox(ctx context.Context, teamID, id string) (OutboxRow, error) {
	var r OutboxRow
	if !IsUUID(id) {
		return r, ErrNotFound
	}
	err := s.DB.GetContext(ctx, &r, getOutboxSQL, id, teamID)
	return r, mapErr(err)
}

const outboxCountsSQL = `SELECT ` + shownStatus + ` AS shown, count(*) FROM outbox GROUP BY shown`

// OutboxCounts counts every message by status (for metrics); absent statuses count 0.
func (s *Store) OutboxCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.DB.QueryContext(ctx, outboxCountsSQL)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := make(map[string]int, len(OutboxStatuses))
	for _, st := range OutboxStatuses {
		out[st] = 0
	}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, mapErr(rows.Err())
}

const meetupHasMailSQL = `SELECT EXISTS (SELECT 1 FROM outbox WHERE team_id = $1 AND meetup_id = $2)`

// MeetupHasMail reports whether any mail of the meetup was ever queued.
func (s *Store) MeetupHasMail(ctx context.Context, teamID, meetupID string) (bool, error) {
	var has bool
	err := s.DB.GetContext(ctx, &has, meetupHasMailSQL, teamID, meetupID)
	return has, mapErr(err)
}
