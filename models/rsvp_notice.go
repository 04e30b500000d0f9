package models

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
)

// A waitlisted or promoted notice is written inside the answer's transaction, while seats and
// RSVP rows are locked, so it costs two statements, both prepared: noticeSQL reads everything
// the mail says in one trip, and recordNoticeSQL records the event and enqueues the mail together.

// noticeSQL reads what a notice says: the meetup, the person with their answer, the id of their
// RSVP link (read, not upserted: invitations made it) and the confirmed lineup in slot order.
var noticeSQL = `
SELECT ` + aliased("m", meetupColumns) + `,
    p.id AS "p.id", p.email AS "p.email", p.name AS "p.name", p.language AS "p.language",
    p.timezone AS "p.timezone", COALESCE(r.status, 'invited') AS "p.status", COALESCE(r.mode, '') AS mode,
    (SELECT l.id FROM links l WHERE l.purpose = 'rsvp' AND l.person_id = p.id AND l.meetup_id = m.id
     AND l.subject = '') AS link_id,
    ` + lineupJSONSQL("m.id", "m.team_id") + ` AS lineup
FROM meetups m JOIN people p ON p.id = $2
LEFT JOIN rsvps r ON r.meetup_id = m.id AND r.person_id = p.id
WHERE m.id = $1`

// lineupJSONSQL is a meetup's confirmed lineup as a JSON array of names and talk titles, in slot order.
func lineupJSONSQL(meetup, team string) string {
	return `COALESCE((SELECT json_agg(json_build_object('name', s.name, 'talk_title', c.talk_title) ORDER BY sl.starts_at, s.name)
        FROM candidates c JOIN speakers s ON s.id = c.speaker_id
        JOIN slot_holds h ON h.candidate_id = c.id JOIN speaker_slots sl ON sl.id = h.slot_id
        WHERE c.meetup_id = ` + meetup + ` AND c.team_id = ` + team + ` AND c.status = 'confirmed'), '[]')`
}

// Notice is what a waitlisted or promoted notice says.
type Notice struct {
	Meetup Meetup        `db:"m"`
	Person InvitedPerson `db:"p"`
	// LinkID is the person's RSVP link for Linker.Token; nil when they have none yet.
	LinkID *string    `db:"link_id"`
	Lineup LineupJSON `db:"lineup"`
	// Mode is how the person attends (ModeInPerson or ModeRemote): whose place they wait for or got.
	Mode string `db:"mode"`
}

// LineupJSON is a confirmed lineup read as JSON: names and talk titles only.
type LineupJSON []LineupSpeaker

// Scan reads the JSON array noticeSQL builds.
func (l *LineupJSON) Scan(src any) error {
	switch v := src.(type) {
	case []byte:
		return json.Unmarshal(v, (*[]LineupSpeaker)(l))
	case string:
		return json.Unmarshal([]byte(v), (*[]LineupSpeaker)(l))
	}
	return fmt.Errorf("lineup: cannot scan %T", src)
}

// ownNotice gives the notice of the answerer's own waitlisting what the answer read already (the
// meetup, the person, their link; the claim returned the lineup), so the notifier reads nothing;
// any other event's notice is read by NoticeOf.
func (row locked) ownNotice(notify Notifier) Notifier {
	return func(ctx context.Context, tx *sqlx.Tx, ev RSVPEvent) error {
		if ev.Notice == nil || ev.PersonID != row.Person.ID || ev.MeetupID != row.Meetup.ID || row.Link.ID == "" {
			ev.Notice = nil
			return notify(ctx, tx, ev)
		}
		p, link := row.Person, row.Link.ID
		ev.Notice.Meetup, ev.Notice.LinkID = row.Meetup, &link
		ev.Notice.Person = InvitedPerson{PersonID: p.ID, Email: p.Email, Name: p.Name, Language: p.Language,
			TimeZone: p.Timezone, Status: RSVPWaitlisted}
		return notify(ctx, tx, ev)
	}
}

// NoticeOf reads, in the transaction tx, what the notice of ev says (ev.Notice when the answer
// read it already).
func (s *Store) NoticeOf(ctx context.Context, tx *sqlx.Tx, ev RSVPEvent) (Notice, error) {
	if ev.Notice == nil {
		var n Notice
		err := txq{s, tx}.get(ctx, &n, noticeSQL, ev.MeetupID, ev.PersonID)
		return n, mapErr(err)
	}
	n := *ev.Notice
	if n.Mode == "" {
		var err error
		n.Mode, err = s.noticeMode(ctx, tx, n.Meetup, ev.PersonID)
		return n, err
	}
	return n, nil
}

// recordNoticeSQL records an RSVP event once and enqueues its mail under the event's key
// (enqueueSQL's arguments, then the event's from $20), leaving the workers' wake-up to after
// the commit (outbox_wake.go).
const recordNoticeSQL = `
WITH e AS (
    INSERT INTO rsvp_events (key, meetup_id, person_id, kind, position)
    SELECT $21::text, $22::uuid, $23::uuid, $24::text, NULLIF($25::int, 0)
    FROM (` + wakeAfterCommitSQL + `) AS wake
    ON CONFLICT (key) DO NOTHING
)` + enqueueSQL

// RecordNotice records ev once and enqueues m, its mail, in the transaction tx, one of InTx's,
// which wakes the outbox workers after the commit; a key already there enqueues nothing again.
func (s *Store) RecordNotice(ctx context.Context, tx *sqlx.Tx, ev RSVPEvent, m OutboxMessage) error {
	return s.RecordNoticeOf(ctx, tx, ev, func() (OutboxMessage, error) { return m, nil })
}

// RecordNoticeOf is RecordNotice with the mail rendered by render, which must read nothing from
// the database. In a batch of answers it starts at once on another goroutine, and the
// event and the mail are written with the batch's other notices, before it commits.
func (s *Store) RecordNoticeOf(ctx context.Context, tx *sqlx.Tx, ev RSVPEvent, render func() (OutboxMessage, error)) error {
	if s.bufferNotice(tx, ev, render) {
		return nil // rendered and written with the rest of its batch (rsvp_batch_notices.go)
	}
	m, err := render()
	if err != nil {
		return err
	}
	if err := m.normalize(); err != nil {
		return err
	}
	args := append(enqueueArgs(uuid.NewString(), m), ev.Key, ev.MeetupID, ev.PersonID, ev.Kind, ev.Position)
	if err := (txq{s, tx}).exec(ctx, recordNoticeSQL, args...); err != nil {
		return err
	}
	s.wakeAfterCommit(tx)
	return nil
}
