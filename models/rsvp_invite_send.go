package models

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Invitee is one person an invitation send mails, with their personal RSVP link's token.
type Invitee struct {
	PersonID string `db:"id"`
	Email    string `db:"email"`
	Name     string `db:"name"`
	Language string `db:"language"`
	TimeZone string `db:"timezone"`
	// Speaker marks a confirmed speaker of the lineup, invited as a speaker with their talk.
	Speaker   bool   `db:"speaker"`
	TalkTitle string `db:"talk_title"`
	// HoldsEvent marks a speaker whose calendar holds the meetup's own event (invited as an
	// attendee before they spoke): their invitation cancels it.
	HoldsEvent bool   `db:"holds_event"`
	Token      string `db:"-"`
	// Key is the outbox idempotency key: invite:<meetup>:<person>:<sequence>, with ":speaker"
	// appended for a speaker.
	Key string `db:"-"`
}

// InviteMail renders the invitations (one per invitee) and enqueues them inside the transaction
// that records the invitees as invited.
type InviteMail func(ctx context.Context, tx *sqlx.Tx, m Meetup, is []Invitee) error

// ErrNotScheduled refuses an invitation send for a meetup with no date yet (or a cancelled one).
var ErrNotScheduled = Invalid(FieldErrors{"meetup": "not_scheduled"})

// inviteAudienceSQL records every audience member not invited yet as invited (an RSVP row made
// by answering without an invitation gets its invited_at now) and returns them. A walk-in's row
// is left alone: walk-ins came without an invitation and get no mail.
const inviteAudienceSQL = `
WITH ` + membersCTE + `, ins AS (
    INSERT INTO rsvps (meetup_id, person_id, team_id, invited_at)
    SELECT $7::uuid, id, team_id, now() FROM members
    ON CONFLICT (meetup_id, person_id) DO UPDATE SET invited_at = now(), updated_at = now()
        WHERE rsvps.invited_at IS NULL AND NOT rsvps.walk_in
    RETURNING person_id
)
SELECT p.id, p.email, p.name, p.language, p.timezone FROM ins JOIN people p ON p.id = ins.person_id
ORDER BY p.email`

// SendInvitations invites every member of the meetup's audience not invited yet, hands their
// mails to mail in the same transaction and returns how many it invited. A meetup of another
// team is ErrNotFound; one not scheduled (or cancelled) is ErrNotScheduled, one that has ended
// (or is done) ErrMeetupOver. Walk-ins are never invited.
func (s *Store) SendInvitations(ctx context.Context, lk *Linker, teamID, userID, meetupID string, mail InviteMail) (int, error) {
	var n int
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		m, err := lockMeetup(ctx, tx, teamID, meetupID)
		if err != nil {
			return mapErr(err)
		}
		if err := InvitationsClosed(m, time.Now()); err != nil {
			return err
		}
		if m.AudienceID == nil {
			return Invalid(FieldErrors{"audience_id": "no_audience"})
		}
		var a Audience
		if err := tx.GetContext(ctx, &a, getAudienceSQL, *m.AudienceID, teamID); err != nil {
			return mapErr(err)
		}
		is, m, err := inviteSpeakers(ctx, tx, m)
		if err != nil {
			return err
		}
		var audience []Invitee
		args := append(a.criteria(teamID), meetupID)
		if err := sqlx.SelectContext(ctx, tx, &audience, inviteAudienceSQL, args...); err != nil {
			return mapErr(err)
		}
		is = append(is, audience...)
		if len(is) > 0 {
			ids := make([]string, len(is))
			for i := range is {
				ids[i] = is[i].PersonID
			}
			tokens, err := lk.EnsureMany(ctx, tx, teamID, PurposeRSVP, meetupID, ids)
			if err != nil {
				return err
			}
			// Each invitee's calendar feed, offered on their RSVP page ("subscribe").
			if _, err := lk.EnsureMany(ctx, tx, teamID, PurposeCalendar, "", ids); err != nil {
				return err
			}
			for i := range is {
				is[i].Token = tokens[is[i].PersonID]
				is[i].Key = fmt.Sprintf("invite:%s:%s:%d", m.ID, is[i].PersonID, m.ICalSequence)
				if is[i].Speaker {
					is[i].Key += ":speaker"
				}
			}
			if err := mail(ctx, tx, m, is); err != nil {
				return err
			}
		}
		n = len(is)
		if err := invitedStage(ctx, tx, meetupID, n); err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "meetup.invite", "meetup:"+meetupID, map[string]any{"invited": n})
	})
	return n, err
}

// invitedStage moves a meetup whose invitations went out (n of them) to scheduled, should it be
// before: one stepped back to outreach after its speaker withdrew keeps its time, and its
// reminders fire only for a scheduled meetup.
func invitedStage(ctx context.Context, tx *sqlx.Tx, meetupID string, n int) error {
	if n == 0 {
		return nil
	}
	return advanceStage(ctx, tx, meetupID, StageScheduled)
}

const inviteCountsSQL = `
SELECT status, count(*) AS n FROM outbox
WHERE team_id = $1 AND meetup_id = $2 AND kind = 'invite' GROUP BY status`

// InviteOutboxCounts counts the meetup's invitation mails in the outbox by status.
func (s *Store) InviteOutboxCounts(ctx context.Context, teamID, meetupID string) (map[string]int, error) {
	var rows []struct {
		Status string `db:"status"`
		N      int    `db:"n"`
	}
	out := map[string]int{}
	if err := s.DB.SelectContext(ctx, &rows, inviteCountsSQL, teamID, meetupID); err != nil {
		return out, mapErr(err)
	}
	for _, r := range rows {
		out[r.Status] = r.N
	}
	return out, nil
}

// InvitedPerson is someone invited to a meetup, with their current answer.
type InvitedPerson struct {
	PersonID string `db:"id"`
	Email    string `db:"email"`
	Name     string `db:"name"`
	Language string `db:"language"`
	TimeZone string `db:"timezone"`
	Status   string `db:"status"`
}

const invitedPeopleSQL = `
SELECT p.id, p.email, p.name, p.language, p.timezone, r.status
FROM rsvps r JOIN people p ON p.id = r.person_id
WHERE r.meetup_id = $1 AND (r.invited_at IS NOT NULL OR r.answered_at IS NOT NULL)
ORDER BY p.email`

// InvitedPeople lists everyone invited to (or answering for) a meetup, read through db.
func InvitedPeople(ctx context.Context, db sqlx.QueryerContext, meetupID string) ([]InvitedPerson, error) {
	out := []InvitedPerson{}
	err := sqlx.SelectContext(ctx, db, &out, invitedPeopleSQL, meetupID)
	return out, mapErr(err)
}

const invitedPersonSQL = `
SELECT p.id, p.email, p.name, p.language, p.timezone, COALESCE(r.status, 'invited') AS status
FROM people p LEFT JOIN rsvps r ON r.person_id = p.id AND r.meetup_id = $1
WHERE p.id = $2`

// InvitedPersonOf reads one person with their answer to a meetup, through db.
func InvitedPersonOf(ctx context.Context, db sqlx.QueryerContext, meetupID, personID string) (InvitedPerson, error) {
	var p InvitedPerson
	err := sqlx.GetContext(ctx, db, &p, invitedPersonSQL, meetupID, personID)
	return p, mapErr(err)
}

// MeetupByID reads a meetup (any team) through db, for mails written inside a transaction.
func MeetupByID(ctx context.Context, db sqlx.QueryerContext, id string) (Meetup, error) {
	var m Meetup
	err := sqlx.GetContext(ctx, db, &m, `SELECT `+meetupColumns+` FROM meetups WHERE id = $1`, id)
	return m, mapErr(err)
}
