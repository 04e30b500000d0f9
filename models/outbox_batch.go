package models

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

const enqueueBatchSQL = `
INSERT INTO outbox (id, team_id, meetup_id, person_id, kind, lang, idempotency_key, to_email, to_name,
    from_addr, subject, text_body, html_body, ics, ics_method, message_id, next_attempt_at, send_by, expires_at)
SELECT b.id, b.team_id, NULLIF(b.meetup_id, '')::uuid, NULLIF(b.person_id, '')::uuid, b.kind, b.lang, b.key,
    b.to_email, b.to_name, b.from_addr, b.subject, b.text_body, b.html_body, NULLIF(b.ics, ''),
    NULLIF(b.ics_method, ''), b.message_id, coalesce(NULLIF(b.send_at, '')::timestamptz, now()),
    coalesce(NULLIF(b.send_at, '')::timestamptz, now()) + b.within * interval '1 second',
    NULLIF(b.expires_at, '')::timestamptz
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
    $17::text[], $18::float8[], $19::text[])
    AS b(id, team_id, meetup_id, person_id, kind, lang, key, to_email, to_name, from_addr, subject,
         text_body, html_body, ics, ics_method, message_id, send_at, within, expires_at)
ON CONFLICT (idempotency_key) DO NOTHING`

// outboxBatch holds a batch column by column, as the unnest of enqueueBatchSQL takes it.
type outboxBatch struct {
	cols   [17][]string
	within []float64
}

// add appends one normalised message.
func (b *outboxBatch) add(m OutboxMessage) {
	id := uuid.NewString()
	vals := [17]string{id, m.TeamID, m.MeetupID, m.PersonID, m.Kind, m.Lang, m.IdempotencyKey, m.ToEmail,
		m.ToName, m.From, m.Subject, m.Text, m.HTML, m.ICS, m.ICSMethod, messageID(id, m.MessageIDHost, m.From),
		timeText(m.SendAt)}
	for i, v := range vals {
		b.cols[i] = append(b.cols[i], v)
	}
	b.within = append(b.within, m.SendWithin.Seconds())
}

// EnqueueBatch stores many messages in one statement in the caller's transaction, skipping
// keys already there, and says how many were new.
func EnqueueBatch(ctx context.Context, tx sqlx.ExtContext, msgs []OutboxMessage) (created int, err error) {
	var b outboxBatch
	expires := make([]string, 0, len(msgs))
	for i := range msgs {
		if err := msgs[i].normalize(); err != nil {
			return 0, err
		}
		b.add(msgs[i])
		expires = append(expires, timeText(msgs[i].ExpiresAt))
	}
	args := make([]any, 0, 19)
	for _, c := range b.cols {
		args = append(args, pq.Array(c))
	}
	args = append(args, pq.Array(b.within), pq.Array(expires))
	res, err := tx.ExecContext(ctx, enqueueBatchSQL, args...)
	if err != nil {
		return 0, mapErr(err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// timeText writes an optional time for a text array; "" stands for NULL.
func timeText(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
