package models

import (
	"context"
	"strings"
)

// Invitation is what a person's RSVP page shows: the meetup, who they are and their answer.
type Invitation struct {
	Meetup   Meetup `db:"m"`
	Person   Person `db:"p"`
	RSVP     RSVP
	Position int
	Seats    SeatCount
	// CalendarLinkID is the person's calendar feed link, for Linker.Token; nil when none exists.
	CalendarLinkID *string `db:"calendar_link"`
}

const personColumns = `id, team_id, email, name, department, location, timezone, interests, language, created_at, updated_at`

// inviteeSQL reads a meetup and a person of the team in one trip.
func inviteeSQL() string {
	return `SELECT ` + aliased("m", meetupColumns) + `, ` + aliased("p", personColumns) + `,
    (SELECT id FROM links WHERE purpose = 'calendar' AND person_id = p.id AND meetup_id IS NULL AND subject = '') AS calendar_link
FROM meetups m, people p WHERE m.id = $1 AND p.id = $2 AND m.team_id = $3 AND p.team_id = $3`
}

// aliased writes each column as alias.column AS "alias.column", for sqlx's nested structs.
func aliased(alias, columns string) string {
	var out []string
	for _, c := range strings.Split(columns, ",") {
		c = strings.TrimSpace(c)
		out = append(out, alias+"."+c+` AS "`+alias+"."+c+`"`)
	}
	return strings.Join(out, ", ")
}

// Invitee loads the meetup and the person an RSVP link names, both of the team.
func (s *Store) Invitee(ctx context.Context, teamID, meetupID, personID string) (Invitation, error) {
	var inv Invitation
	if !IsUUID(meetupID) || !IsUUID(personID) {
		return inv, ErrNotFound
	}
	err := s.get(ctx, &inv, inviteeSQL(), meetupID, personID, teamID)
	return inv, err
}

// Invitation loads a person's invitation to a meetup of the team, with the current answer,
// waitlist place and the seats of the answer's mode.
func (s *Store) Invitation(ctx context.Context, teamID, meetupID, personID string) (Invitation, error) {
	inv, err := s.Invitee(ctx, teamID, meetupID, personID)
	if err != nil {
		return inv, err
	}
	if inv.RSVP, err = s.GetRSVP(ctx, meetupID, personID); err != nil {
		return inv, err
	}
	if inv.Position, err = s.WaitlistPosition(ctx, inv.RSVP); err != nil {
		return inv, err
	}
	err = s.get(ctx, &struct {
		*SeatCount
		Unsettled bool `db:"unsettled"`
	}{SeatCount: &inv.Seats}, personSeatsSQL, meetupID, inv.RSVP.Mode)
	return inv, err
}
