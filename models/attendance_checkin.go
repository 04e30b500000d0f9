package models

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
)

// Arrival is someone to check in (or out) by address; Name is used only for a new walk-in.
type Arrival struct {
	Email string
	Name  string
}

// Attendance is a batch of check-ins, or of their undoing, at one meetup.
type Attendance struct {
	TeamID   string
	UserID   string
	MeetupID string
	People   []Arrival
	WalkIn   bool // add those not invited as walk-ins (created in the directory when new)
	Undo     bool // take the check-in back instead
}

// AttendanceResult is the people of a batch as they stand now and the meetup's counts.
type AttendanceResult struct {
	Items   []DoorEntry `json:"items"`
	WalkIns int         `json:"walk_ins"`
	Counts  DoorCounts  `json:"counts"`
}

// ErrCheckinClosed refuses check-ins at a meetup not scheduled yet, or cancelled.
var ErrCheckinClosed = Invalid(FieldErrors{"meetup": "checkin_closed"})

// maxArrivals bounds one batch.
const maxArrivals = 1000

// check trims and validates the batch, dropping repeated addresses; errors name emails[i].
func (a *Attendance) check() error {
	fe := FieldErrors{}
	switch {
	case len(a.People) == 0:
		fe["emails"] = "required"
	case len(a.People) > maxArrivals:
		fe["emails"] = "out_of_range"
	}
	seen := map[string]bool{}
	kept := a.People[:0]
	for i, p := range a.People {
		p.Email = strings.TrimSpace(p.Email)
		if p.Email == "" {
			fe[fmt.Sprintf("emails[%d]", i)] = "required"
		} else if !ValidEmail(p.Email) {
			fe[fmt.Sprintf("emails[%d]", i)] = "invalid_email"
		} else if k := cleanLine(&p.Name, maxTextLen); k != "" {
			fe[fmt.Sprintf("names[%d]", i)] = k
		}
		if !seen[strings.ToLower(p.Email)] {
			seen[strings.ToLower(p.Email)] = true
			kept = append(kept, p)
		}
	}
	a.People = kept
	return Invalid(fe)
}

// RecordAttendance checks people in (or undoes it) in one transaction with an audit entry. An
// address not invited to the meetup is refused, named in the field errors, unless WalkIn is set:
// then the person (created in the directory if new) joins as a walk-in who said yes, holding an
// in-person seat (an excess one when the room is full). A cancelled or unscheduled meetup is
// ErrCheckinClosed.
func (s *Store) RecordAttendance(ctx context.Context, a Attendance) (AttendanceResult, error) {
	var res AttendanceResult
	if !IsUUID(a.MeetupID) {
		return res, ErrNotFound
	}
	if err := a.check(); err != nil {
		return res, err
	}
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		ids, walkIns, err := s.arrive(ctx, tx, a)
		if err != nil {
			return err
		}
		res.WalkIns = walkIns
		return markAttendance(ctx, tx, a, ids, walkIns, &res)
	})
	if err != nil {
		return AttendanceResult{}, err
	}
	res.Counts, err = s.DoorCounts(ctx, a.TeamID, a.MeetupID)
	return res, err
}

// arrive locks the meetup, finds the batch's people and adds the walk-ins; it returns the
// people's ids and how many walked in.
func (s *Store) arrive(ctx context.Context, tx *sqlx.Tx, a Attendance) ([]string, int, error) {
	lock := " FOR SHARE"
	if a.WalkIn && !a.Undo {
		lock = " FOR UPDATE" // seats change: hold off yes answers, as setSeats does
	}
	var m Meetup
	if err := tx.GetContext(ctx, &m, getMeetupSQL+lock, a.MeetupID, a.TeamID); err != nil {
		return nil, 0, err
	}
	if m.StartsAt == nil || m.Stage == StageCancelled {
		return nil, 0, ErrCheckinClosed
	}
	found, err := findArrivals(ctx, tx, a)
	if err != nil {
		return nil, 0, err
	}
	return s.admit(ctx, tx, a, found, m.Capacity)
}

// arrivalRow is one address of a batch as the directory and the meetup know it.
type arrivalRow struct {
	Email    string  `db:"email"`
	PersonID *string `db:"person_id"`
	Invited  bool    `db:"invited"`
}

const findArrivalsSQL = `
SELECT e.email, p.id AS person_id, r.person_id IS NOT NULL AS invited
FROM unnest($3::text[]) WITH ORDINALITY AS e(email, n)
LEFT JOIN people p ON p.team_id = $2 AND lower(p.email) = lower(e.email)
LEFT JOIN rsvps r ON r.meetup_id = $1 AND r.person_id = p.id
ORDER BY e.n`

// findArrivals looks the batch's addresses up, in the batch's order.
func findArrivals(ctx context.Context, tx *sqlx.Tx, a Attendance) ([]arrivalRow, error) {
	emails := make([]string, len(a.People))
	for i, p := range a.People {
		emails[i] = p.Email
	}
	var out []arrivalRow
	err := tx.SelectContext(ctx, &out, findArrivalsSQL, a.MeetupID, a.TeamID, stringArray(emails))
	return out, err
}

// admit refuses the addresses not invited, or makes them walk-ins when the batch allows it.
func (s *Store) admit(ctx context.Context, tx *sqlx.Tx, a Attendance, found []arrivalRow, capacity int) ([]string, int, error) {
	missing := FieldErrors{}
	ids := make([]string, 0, len(found))
	for _, f := range found {
		if f.Invited {
			ids = append(ids, *f.PersonID)
		} else if !a.WalkIn || a.Undo {
			missing[f.Email] = "not_invited"
		}
	}
	if len(missing) > 0 {
		return nil, 0, Invalid(missing)
	}
	walkIns := 0
	for i, f := range found {
		if f.Invited {
			continue
		}
		id, err := addWalkIn(ctx, tx, a, a.People[i])
		if err != nil {
			return nil, 0, err
		}
		ids, walkIns = append(ids, id), walkIns+1
	}
	if walkIns > 0 {
		if err := seatWalkIns(ctx, txq{s, tx}, a.MeetupID, capacity); err != nil {
			return nil, 0, err
		}
	}
	return ids, walkIns, nil
}

const walkInPersonSQL = `
WITH ins AS (
    INSERT INTO people (team_id, email, name) VALUES ($1, $2, $3)
    ON CONFLICT (team_id, lower(email)) DO NOTHING RETURNING id
)
SELECT id FROM ins UNION ALL SELECT id FROM people WHERE team_id = $1 AND lower(email) = lower($2) LIMIT 1`

const walkInRSVPSQL = `
INSERT INTO rsvps (meetup_id, person_id, team_id, status, mode, walk_in, answered_at)
VALUES ($1, $2, $3, 'yes', 'in_person', true, now())
ON CONFLICT (meetup_id, person_id) DO NOTHING`

// seatWalkIns gives the walk-ins in-person seats: the meetup's seats 1..capacity are made first
// where they are missing (a meetup whose answers were written without seats, as the demo's past
// meetups were), so a walk-in takes a free seat and an excess one only when the room is full.
func seatWalkIns(ctx context.Context, q txq, meetupID string, capacity int) error {
	if _, err := q.tx.ExecContext(ctx, addSeatsSQL, meetupID, ModeInPerson, capacity); err != nil {
		return mapErr(err)
	}
	return adoptSeatless(ctx, q, meetupID, ModeInPerson)
}

// addWalkIn finds or creates the person and records them as a walk-in who said yes; no mail.
func addWalkIn(ctx context.Context, tx *sqlx.Tx, a Attendance, p Arrival) (string, error) {
	var id string
	if err := tx.GetContext(ctx, &id, walkInPersonSQL, a.TeamID, p.Email, p.Name); err != nil {
		return "", err
	}
	_, err := tx.ExecContext(ctx, walkInRSVPSQL, a.MeetupID, id, a.TeamID)
	return id, err
}

const markAttendanceSQL = `
UPDATE rsvps SET checked_in_at = CASE WHEN $3 THEN coalesce(checked_in_at, now()) END, updated_at = now()
WHERE meetup_id = $1 AND person_id = ANY($2::uuid[]) AND (checked_in_at IS NULL) = $3`

const doorEntriesSQL = `
SELECT r.person_id, p.email, p.name, r.status, r.role, r.walk_in, r.checked_in_at IS NOT NULL AS checked_in, r.checked_in_at
FROM rsvps r JOIN people p ON p.id = r.person_id
WHERE r.meetup_id = $1 AND r.person_id = ANY($2::uuid[])
ORDER BY lower(p.email)`

// markAttendance sets or clears the check-in of ids, audits the batch and reads the people back.
func markAttendance(ctx context.Context, tx *sqlx.Tx, a Attendance, ids []string, walkIns int, res *AttendanceResult) error {
	r, err := tx.ExecContext(ctx, markAttendanceSQL, a.MeetupID, stringArray(ids), !a.Undo)
	if err != nil {
		return err
	}
	changed, _ := r.RowsAffected()
	action := "attendance.check_in"
	if a.Undo {
		action = "attendance.undo"
	}
	detail := map[string]any{"people": ids, "changed": changed, "walk_ins": walkIns}
	if err := Audit(ctx, tx, a.TeamID, a.UserID, action, "meetup:"+a.MeetupID, detail); err != nil {
		return err
	}
	res.Items = []DoorEntry{}
	return tx.SelectContext(ctx, &res.Items, doorEntriesSQL, a.MeetupID, stringArray(ids))
}
