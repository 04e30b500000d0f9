package models

import (
	"context"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

// RSVP statuses.
const (
	RSVPInvited    = "invited"
	RSVPYes        = "yes"
	RSVPMaybe      = "maybe"
	RSVPNo         = "no"
	RSVPWaitlisted = "waitlisted"
)

// Attendance modes; each is also a kind of seat.
const (
	ModeInPerson = "in_person"
	ModeRemote   = "remote"
)

// RoleSpeaker is the Role of an RSVP of someone invited as a confirmed speaker of the meetup
// (the other role is "attendee").
const RoleSpeaker = "speaker"

// RSVP is one person's invitation to and answer for a meetup.
type RSVP struct {
	MeetupID    string     `db:"meetup_id" json:"-"`
	PersonID    string     `db:"person_id" json:"person_id"`
	Role        string     `db:"role" json:"role"`
	Status      string     `db:"status" json:"rsvp"`
	Mode        string     `db:"mode" json:"mode"`
	Dietary     string     `db:"dietary" json:"dietary"`
	WaitlistSeq *int64     `db:"waitlist_seq" json:"-"`
	InvitedAt   *time.Time `db:"invited_at" json:"invited_at"`
	AnsweredAt  *time.Time `db:"answered_at" json:"answered_at"`
	CheckedInAt *time.Time `db:"checked_in_at" json:"-"`
}

const rsvpColumns = `meetup_id, person_id, role, status, mode, dietary, waitlist_seq, invited_at, answered_at, checked_in_at`

const getRSVPSQL = `SELECT ` + rsvpColumns + ` FROM rsvps WHERE meetup_id = $1 AND person_id = $2`

// GetRSVP returns a person's RSVP; one not invited yet reads as status "invited".
func (s *Store) GetRSVP(ctx context.Context, meetupID, personID string) (RSVP, error) {
	var r RSVP
	err := s.DB.GetContext(ctx, &r, getRSVPSQL, meetupID, personID)
	if err != nil {
		r = RSVP{MeetupID: meetupID, PersonID: personID, Role: "attendee", Status: RSVPInvited, Mode: ModeInPerson}
		if err = mapErr(err); errors.Is(err, ErrNotFound) {
			err = nil
		}
	}
	return r, err
}

const waitlistPositionSQL = `
SELECT count(*) FROM rsvps
WHERE meetup_id = $1 AND mode = $2 AND status = 'waitlisted' AND waitlist_seq <= $3`

// waitlistPosition is the 1-based place of seq among those now waiting for the same mode.
func waitlistPosition(ctx context.Context, db sqlx.QueryerContext, meetupID, mode string, seq int64) (int, error) {
	var n int
	err := sqlx.GetContext(ctx, db, &n, waitlistPositionSQL, meetupID, mode, seq)
	return n, mapErr(err)
}

// WaitlistPosition is the current place of a waitlisted RSVP, or 0 for one not waiting.
func (s *Store) WaitlistPosition(ctx context.Context, r RSVP) (int, error) {
	if r.Status != RSVPWaitlisted || r.WaitlistSeq == nil {
		return 0, nil
	}
	return waitlistPosition(ctx, s.DB, r.MeetupID, r.Mode, *r.WaitlistSeq)
}
