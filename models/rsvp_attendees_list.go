package models

import "context"

const attendeesSQL = `
WITH w AS (
    SELECT person_id, row_number() OVER (PARTITION BY mode ORDER BY waitlist_seq) AS pos
    FROM rsvps WHERE meetup_id = $1 AND status = 'waitlisted'
)
SELECT r.person_id, p.email, p.name, r.role, r.status, w.pos AS waitlist_position, r.mode, r.dietary,
    r.checked_in_at IS NOT NULL AS checked_in, r.answered_at,
    EXISTS (SELECT 1 FROM rsvp_seats s
            WHERE s.meetup_id = r.meetup_id AND s.person_id = r.person_id AND s.excess) AS over_capacity
FROM rsvps r
JOIN people p ON p.id = r.person_id
LEFT JOIN w ON w.person_id = r.person_id
WHERE r.meetup_id = $1 AND r.team_id = $2 AND (lower(p.email), r.person_id) > ($3, $4::uuid)`

const attendeesOrder = ` ORDER BY lower(p.email), r.person_id LIMIT $5`

// Attendees returns one page of a meetup's invitees, by email, with the next cursor.
func (s *Store) Attendees(ctx context.Context, teamID, meetupID string, f AttendeeFilter, p Page) ([]Attendee, string, error) {
	p = p.Normalize()
	out, err := s.attendees(ctx, teamID, meetupID, f, p.Cursor, p.Limit+1)
	if err != nil || len(out) <= p.Limit {
		return out, "", err
	}
	out = out[:p.Limit]
	return out, attendeeCursor(out[len(out)-1]), nil
}

// AllAttendees returns every invitee matching the filter, by email (for the CSV export).
func (s *Store) AllAttendees(ctx context.Context, teamID, meetupID string, f AttendeeFilter) ([]Attendee, error) {
	return s.attendees(ctx, teamID, meetupID, f, "", 0)
}

// attendees runs the list query; limit 0 means all.
func (s *Store) attendees(ctx context.Context, teamID, meetupID string, f AttendeeFilter, cursor string, limit int) ([]Attendee, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	email, id, err := parseAttendeeCursor(cursor)
	if err != nil {
		return nil, err
	}
	if id == "" {
		id = "00000000-0000-0000-0000-000000000000"
	}
	var lim any
	if limit > 0 {
		lim = limit
	}
	cond, args := f.where([]any{meetupID, teamID, email, id, lim})
	out := []Attendee{}
	err = s.DB.SelectContext(ctx, &out, attendeesSQL+cond+attendeesOrder, args...)
	return out, mapErr(err)
}

const waitlistSQL = `
SELECT r.person_id, p.email, p.name, r.role, r.status,
    row_number() OVER (ORDER BY r.waitlist_seq) AS waitlist_position, r.mode, r.dietary,
    r.checked_in_at IS NOT NULL AS checked_in, r.answered_at, false AS over_capacity
FROM rsvps r JOIN people p ON p.id = r.person_id
WHERE r.meetup_id = $1 AND r.mode = $2 AND r.status = 'waitlisted'
ORDER BY r.waitlist_seq LIMIT $3`

// Waitlist returns the first people waiting for a seat of the mode, in order.
func (s *Store) Waitlist(ctx context.Context, meetupID, mode string, limit int) ([]Attendee, error) {
	out := []Attendee{}
	err := s.DB.SelectContext(ctx, &out, waitlistSQL, meetupID, mode, limit)
	return out, mapErr(err)
}
