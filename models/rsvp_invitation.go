package models

import (
	"context"
)

// Invitation is what a person's RSVP page shows: the meetup, who they are and their answer.
type Invitation struct {
	Meetup   Meetup
	Person   Person
	RSVP     RSVP
	Position int
	Seats    SeatCount
}

const invitedPersonSQL = `
SELECT id, team_id, email, name, department, location, timezone, interests, language, created_at, updated_at
FROM people WHERE id = $1 AND team_id = $2`

// Invitation loads a person's invitation to a meetup of the team, with the current answer,
// waitlist place and seat count of the answer's mode.
func (s *Store) Invitation(ctx context.Context, teamID, meetupID, personID string) (Invitation, error) {
	var inv Invitation
	var err error
	if inv.Meetup, err = s.GetMeetup(ctx, teamID, meetupID); err != nil {
		return inv, err
	}
	if err := s.DB.GetContext(ctx, &inv.Person, invitedPersonSQL, personID, teamID); err != nil {
		return inv, mapErr(err)
	}
	if inv.RSVP, err = s.GetRSVP(ctx, meetupID, personID); err != nil {
		return inv, err
	}
	if inv.Position, err = s.WaitlistPosition(ctx, inv.RSVP); err != nil {
		return inv, err
	}
	inv.Seats, err = s.Seats(ctx, meetupID, inv.RSVP.Mode)
	return inv, err
}
