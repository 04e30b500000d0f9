package models

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// maxBatchRows keeps a statement's parameters (17 + 3 per row) under PostgreSQL's 65,535.
const maxBatchRows = 5000

// maxBatchBytes bounds the bodies one statement carries. A statement of thousands of 20 KB
// bodies was slow at both ends: lib/pq builds its message by appending to a buffer that grows
// a quarter at a time, copying the bodies over and over, and PostgreSQL took longer per row.
// Enqueueing 10,000 rendered invitations in one call took 16 s and 1 GB of memory with
// 5,000-row statements, 4-6 s and 690 MB with statements of at most 8 MB.
const maxBatchBytes = 8 << 20

// enqueueBatchHead takes the small columns as arrays ($1…$17) and the bodies as one parameter
// each, in a VALUES list joined by position: arrays of 20 KB bodies would cost escaping here and
// parsing there, and all-parameter rows cost planning per value.
const enqueueBatchHead = `
INSERT INTO outbox (id, team_id, meetup_id, person_id, kind, lang, idempotency_key, to_email, to_name,
    from_addr, subject, text_body, html_body, ics, ics_method, message_id, next_attempt_at, send_by, expires_at, reply_to)
SELECT s.id, s.team_id, NULLIF(s.meetup_id, '')::uuid, NULLIF(s.person_id, '')::uuid, s.kind, s.lang, s.key,
    s.to_email, s.to_name, s.from_addr, s.subject, b.text_body, b.html_body, NULLIF(b.ics, ''),
    NULLIF(s.ics_method, ''), s.message_id, coalesce(NULLIF(s.send_at, '')::timestamptz, now()),
    coalesce(NULLIF(s.send_at, '')::timestamptz, now()) + s.within * interval '1 second',
    NULLIF(s.expires_at, '')::timestamptz, s.reply_to
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
        $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
        $17::float8[])
    WITH ORDINALITY AS s(id, team_id, meetup_id, person_id, kind, lang, key, to_email, to_name, from_addr,
        subject, ics_method, message_id, send_at, expires_at, reply_to, within, n)
JOIN (VALUES `

// enqueueBatchTail closes the VALUES list and skips keys already there.
const enqueueBatchTail = `) AS b(n, text_body, html_body, ics) ON b.n = s.n
ON CONFLICT (idempotency_key) DO NOTHING`

// outboxBatch is one statement's arguments: small columns as arrays, bodies as parameters.
type outboxBatch struct {
	cols   [16][]string
	within []float64
	bodies []any
	values strings.Builder
}

// add appends one normalised message.
func (b *outboxBatch) add(m OutboxMessage) {
	id := uuid.NewString()
	small := [16]string{id, m.TeamID, m.MeetupID, m.PersonID, m.Kind, m.Lang, m.IdempotencyKey, m.ToEmail,
		m.ToName, m.From, m.Subject, m.ICSMethod, messageID(id, m.MessageIDHost, m.From), timeText(m.SendAt),
		timeText(m.ExpiresAt), m.ReplyTo}
	for i, v := range small {
		b.cols[i] = append(b.cols[i], v)
	}
	b.within = append(b.within, m.SendWithin.Seconds())
	b.addValuesRow(len(b.within))
	b.bodies = append(b.bodies, m.Text, m.HTML, m.ICS)
}

// addValuesRow writes the VALUES row of the bodies of the batch's row'th message.
func (b *outboxBatch) addValuesRow(row int) {
	if row > 1 {
		b.values.WriteString(", ")
	}
	p := 17 + 3*(row-1)
	fmt.Fprintf(&b.values, "(%d::int8, $%d, $%d, $%d)", row, p+1, p+2, p+3)
}

// query is the batch's statement.
func (b *outboxBatch) query() string {
	return enqueueBatchHead + b.values.String() + enqueueBatchTail
}

// args are the statement's arguments.
func (b *outboxBatch) args() []any {
	args := make([]any, 0, 17+len(b.bodies))
	for _, c := range b.cols {
		args = append(args, pq.Array(c))
	}
	args = append(args, pq.Array(b.within))
	return append(args, b.bodies...)
}

// exec runs the batch's statement and says how many rows were new.
func (b *outboxBatch) exec(ctx context.Context, tx sqlx.ExtContext) (int, error) {
	res, err := tx.ExecContext(ctx, b.query(), b.args()...)
	if err != nil {
		return 0, mapErr(err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// batchEnd is where the statement starting at msgs[start] ends: after maxBatchRows rows, or
// once its bodies reach maxBatchBytes (at least one row).
func batchEnd(msgs []OutboxMessage, start int) int {
	size := 0
	for i := start; i < len(msgs) && i-start < maxBatchRows; i++ {
		if size += len(msgs[i].Text) + len(msgs[i].HTML) + len(msgs[i].ICS); size >= maxBatchBytes {
			return i + 1
		}
	}
	return min(start+maxBatchRows, len(msgs))
}

// EnqueueBatch stores many messages in the caller's transaction, in statements of up to
// maxBatchRows rows and about maxBatchBytes of bodies, skipping keys already there, and says
// how many were new.
func EnqueueBatch(ctx context.Context, tx sqlx.ExtContext, msgs []OutboxMessage) (created int, err error) {
	return enqueueChunks(msgs, func(b *outboxBatch) (int, error) { return b.exec(ctx, tx) })
}

// enqueueChunks normalises msgs and runs exec on each statement's worth of them, adding up the
// rows that were new.
func enqueueChunks(msgs []OutboxMessage, exec func(*outboxBatch) (int, error)) (created int, err error) {
	for i := range msgs {
		if err := msgs[i].normalize(); err != nil {
			return 0, err
		}
	}
	for start, end := 0, 0; start < len(msgs); start = end {
		end = batchEnd(msgs, start)
		var b outboxBatch
		for _, m := range msgs[start:end] {
			b.add(m)
		}
		n, err := exec(&b)
		created += n
		if err != nil {
			return created, err
		}
	}
	return created, nil
}
