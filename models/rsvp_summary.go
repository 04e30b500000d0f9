package models

import "context"

// SeatCount is the state of one mode's seats and waitlist.
type SeatCount struct {
	Mode     string `db:"mode" json:"mode"`
	Limited  bool   `db:"limited" json:"limited"`
	Capacity int    `db:"capacity" json:"capacity"`
	Taken    int    `db:"taken" json:"taken"`
	Excess   int    `db:"excess" json:"over_capacity"`
	Waiting  int    `db:"waiting" json:"waitlisted"`
}

// Free is how many seats are left (0 for a mode without a limit).
func (c SeatCount) Free() int {
	if f := c.Capacity - c.Taken; c.Limited && f > 0 {
		return f
	}
	return 0
}

// seatCountSQL counts one mode's seats. The excess is how many said yes beyond the capacity
// (none for a mode without a limit), read from the answers rather than from the seats flagged
// excess, so a seat left excess by bookkeeping gone wrong never warns of an overflow that is not.
const seatCountSQL = `
SELECT mode, limited, capacity, taken,
    CASE WHEN limited THEN GREATEST(taken - capacity, 0) ELSE 0 END AS excess, waiting
FROM (
    SELECT $2::text AS mode,
        ($2 = 'in_person' OR m.remote_capacity IS NOT NULL) AS limited,
        CASE WHEN $2 = 'in_person' THEN m.capacity ELSE COALESCE(m.remote_capacity, 0) END AS capacity,
        (SELECT count(*) FROM rsvps r WHERE r.meetup_id = m.id AND r.mode = $2 AND r.status = 'yes') AS taken,
        (SELECT count(*) FROM rsvps r WHERE r.meetup_id = m.id AND r.mode = $2 AND r.status = 'waitlisted') AS waiting
    FROM meetups m WHERE m.id = $1
) c`

// Seats counts one mode's taken seats, excess and waitlist.
func (s *Store) Seats(ctx context.Context, meetupID, mode string) (SeatCount, error) {
	var c SeatCount
	err := s.DB.GetContext(ctx, &c, seatCountSQL, meetupID, mode)
	return c, mapErr(err)
}

// RSVPSummary is the organiser's view of the answers: counts, seats and the lunch order.
type RSVPSummary struct {
	Counts   map[string]int `json:"counts"`
	InPerson SeatCount      `json:"in_person"`
	Remote   SeatCount      `json:"remote"`
	Lunch    Lunch          `json:"lunch"`
}

const statusCountsSQL = `SELECT status, count(*) FROM rsvps WHERE meetup_id = $1 GROUP BY status`

// Summary gathers a meetup's RSVP summary; the caller has checked the meetup is the team's.
func (s *Store) Summary(ctx context.Context, meetupID string) (RSVPSummary, error) {
	sum := RSVPSummary{Counts: map[string]int{}}
	for _, st := range []string{RSVPInvited, RSVPYes, RSVPMaybe, RSVPNo, RSVPWaitlisted} {
		sum.Counts[st] = 0
	}
	rows, err := s.DB.QueryContext(ctx, statusCountsSQL, meetupID)
	if err != nil {
		return sum, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return sum, mapErr(err)
		}
		sum.Counts[st] = n
	}
	if err := rows.Err(); err != nil {
		return sum, mapErr(err)
	}
	if sum.InPerson, err = s.Seats(ctx, meetupID, ModeInPerson); err != nil {
		return sum, err
	}
	if sum.Remote, err = s.Seats(ctx, meetupID, ModeRemote); err != nil {
		return sum, err
	}
	sum.Lunch, err = s.Lunch(ctx, meetupID)
	return sum, err
}
