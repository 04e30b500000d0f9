package models

import (
	"context"
	"strings"
)

// Invitation is what a person's RSVP page shows: the meetup, who they are and their answer.
type Invitation struct {
	Link     Link   `db:"l"`
	Meetup   Meetup `db:"m"`
	Person   Person `db:"p"`
	RSVP     RSVP
	Position int
	Seats    SeatCount
	// CalendarLinkID is the person's calendar feed link, for Linker.Token; nil when none exists.
	CalendarLinkID *string `db:"calendar_link"`
}

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

const linkColumns = `id, team_id, purpose, person_id, meetup_id, subject, expires_at`

// inviteeByTokenSQL finds an RSVP link by its token's hash with its meetup and person.
func inviteeByTokenSQL() string {
	return `SELECT ` + aliased("l", linkColumns) + `, ` + aliased("m", meetupColumns) + `, ` + aliased("p", personColumns) + `,
    (SELECT id FROM links WHERE purpose = 'calendar' AND person_id = p.id AND meetup_id IS NULL AND subject = '') AS calendar_link
FROM links l
JOIN meetups m ON m.id = l.meetup_id AND m.team_id = l.team_id
JOIN people p ON p.id = l.person_id AND p.team_id = l.team_id
WHERE l.token_hash = $1`
}

// InviteeByToken resolves an RSVP link token and loads the meetup and person it names in one
// trip, checking the token as Linker.Resolve does; every bad token is ErrNotFound.
func (s *Store) InviteeByToken(ctx context.Context, l *Linker, token string) (Invitation, error) {
	var inv Invitation
	if len(token) != 43 {
		return inv, ErrNotFound
	}
	if err := s.get(ctx, &inv, inviteeByTokenSQL(), HashToken(token)); err != nil {
		return inv, err
	}
	if !l.Valid(token, PurposeRSVP, inv.Link) {
		return Invitation{}, ErrNotFound
	}
	return inv, nil
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
	err = s.get(ctx, &inv.Seats, personSeatsSQL, meetupID, inv.RSVP.Mode)
	return inv, err
}

// personSeatsSQL counts a mode's seats the cheap way: every seat 1..capacity exists, so the taken
// ones are capacity + excess − free, and only free and excess rows are read.
const personSeatsSQL = `
WITH m AS (
    SELECT ($2 = 'in_person' OR remote_capacity IS NOT NULL) AS limited,
        CASE WHEN $2 = 'in_person' THEN capacity ELSE COALESCE(remote_capacity, 0) END AS capacity
    FROM meetups WHERE id = $1
), s AS (
    SELECT count(*) FILTER (WHERE person_id IS NULL) AS free, count(*) FILTER (WHERE excess) AS excess
    FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND (person_id IS NULL OR excess)
)
SELECT $2::text AS mode, m.limited, m.capacity, s.excess, 0 AS waiting,
    CASE WHEN m.limited THEN m.capacity + s.excess - s.free ELSE 0 END AS taken
FROM m, s`
