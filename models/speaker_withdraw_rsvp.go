package models

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"
)

// Notice kinds of a withdrawn speaker's own invitation to the meetup (SpeakerNotice.Invitation).
const (
	// NoticeStillInvited goes to a speaker who withdrew and is in the meetup's audience: they stay
	// invited, as an attendee, with their answer and seat, and get the meetup's calendar REQUEST.
	NoticeStillInvited = "speaker_still_invited"
	// NoticeUninvited goes to a speaker who withdrew and is not in the meetup's audience: their
	// invitation is withdrawn (and their calendar gets the meetup's CANCEL if it held its event).
	NoticeUninvited = "speaker_uninvited"
)

// SpeakerInvitation is what a confirmed speaker's withdrawal did to their own invitation to the
// meetup (their RSVP with the role speaker).
type SpeakerInvitation struct {
	Kind   string        // NoticeStillInvited or NoticeUninvited
	Person InvitedPerson // the speaker as invited, with their answer before the withdrawal
}

// speakerRSVP is a withdrawn speaker's RSVP as speakerRSVPSQL reads it.
type speakerRSVP struct {
	InvitedPerson
	Mode      string `db:"mode"`
	CheckedIn bool   `db:"checked_in"`
}

// speakerRSVPSQL locks the RSVP of candidate $1's person (speakerPersonJoin) invited as a speaker
// to meetup $2, while the meetup takes answers (scheduled, not over), unless another candidacy
// keeps them a confirmed speaker of it.
var speakerRSVPSQL = `
SELECT p.id, p.email, p.name, p.language, p.timezone, r.status, r.mode, r.checked_in_at IS NOT NULL AS checked_in
FROM candidates c` + speakerPersonJoin + `
JOIN meetups m ON m.id = c.meetup_id AND m.stage = 'scheduled' AND m.ends_at > now()
JOIN rsvps r ON r.meetup_id = c.meetup_id AND r.person_id = p.id AND r.role = 'speaker'
WHERE c.id = $1 AND c.meetup_id = $2
  AND NOT EXISTS (SELECT 1 FROM (` + speakerPeopleSQL("$2") + `) sp WHERE sp.person_id = p.id)
FOR UPDATE OF r`

// attendeeRoleSQL makes person $2's RSVP to meetup $1 an attendee's, answer, mode and seat kept.
const attendeeRoleSQL = `UPDATE rsvps SET role = 'attendee', updated_at = now() WHERE meetup_id = $1 AND person_id = $2`

// uninviteSQL withdraws person $2's invitation to meetup $1: their RSVP (with its events) and
// their RSVP link go, and the meetup's SEQUENCE rises, so a CANCEL their calendar gets outranks
// the invitation they had, and an invitation sent them later (a key of its own) outranks it.
const uninviteSQL = `
WITH r AS (DELETE FROM rsvps WHERE meetup_id = $1 AND person_id = $2),
l AS (DELETE FROM links WHERE purpose = 'rsvp' AND meetup_id = $1 AND person_id = $2 AND subject = '')
UPDATE meetups SET ical_sequence = ical_sequence + 1, updated_at = now() WHERE id = $1`

// withdrawSpeakerRSVP follows the withdrawal of confirmed speaker id into their own invitation to
// the meetup, when they have one as a speaker and the meetup takes answers. A member of its
// audience (or someone checked in already) stays invited as an attendee, answer and seat kept;
// anyone else is uninvited, a seat they held passing to the first person waiting (told through
// seats). It returns what it did, nil for nothing. The caller holds the meetup's row (stepBack).
func (s *Store) withdrawSpeakerRSVP(ctx context.Context, tx *sqlx.Tx, meetupID, id string, seats Notifier) (*SpeakerInvitation, error) {
	var r speakerRSVP
	err := tx.GetContext(ctx, &r, speakerRSVPSQL, id, meetupID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, mapErr(err)
	}
	keep, err := r.staysInvited(ctx, tx, meetupID)
	if err != nil {
		return nil, err
	}
	inv := &SpeakerInvitation{Kind: NoticeStillInvited, Person: r.InvitedPerson}
	if keep {
		_, err = tx.ExecContext(ctx, attendeeRoleSQL, meetupID, r.PersonID)
		return inv, mapErr(err)
	}
	inv.Kind = NoticeUninvited
	return inv, s.uninvite(ctx, tx, meetupID, r, seats)
}

// staysInvited reports whether the withdrawn speaker of r keeps their invitation: they are a
// member of the meetup's audience, or at the door already.
func (r speakerRSVP) staysInvited(ctx context.Context, tx *sqlx.Tx, meetupID string) (bool, error) {
	if r.CheckedIn {
		return true, nil
	}
	m, err := MeetupByID(ctx, tx, meetupID)
	if err != nil {
		return false, err
	}
	return inAudience(ctx, tx, m, r.PersonID)
}

// uninvite withdraws the invitation of r's person to the meetup (uninviteSQL), first passing on
// the seat they held, as a "no" would.
func (s *Store) uninvite(ctx context.Context, tx *sqlx.Tx, meetupID string, r speakerRSVP, seats Notifier) error {
	if r.Status == RSVPYes {
		if err := releaseSeat(ctx, txq{s, tx}, meetupID, r.Mode, r.PersonID, seats); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, uninviteSQL, meetupID, r.PersonID)
	return mapErr(err)
}

// audienceMemberSQL says whether person $7 is a member of the audience whose rule is $1–$6.
const audienceMemberSQL = `WITH ` + membersCTE + ` SELECT EXISTS (SELECT 1 FROM members WHERE id = $7)`

// inAudience reports whether a person is a member of meetup m's audience (membersCTE, the one
// rule); a meetup without an audience has none.
func inAudience(ctx context.Context, tx sqlx.QueryerContext, m Meetup, personID string) (bool, error) {
	args, ok, err := meetupRule(ctx, tx, m)
	if err != nil || !ok {
		return false, err
	}
	var in bool
	err = sqlx.GetContext(ctx, tx, &in, audienceMemberSQL, append(args, personID)...)
	return in, mapErr(err)
}
