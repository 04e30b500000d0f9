package models

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

const lockSeatsAboveSQL = `
SELECT n FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND n > $3 ORDER BY n FOR UPDATE`

const dropFreeAboveSQL = `
DELETE FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND n > $3 AND person_id IS NULL`

const markExcessSQL = `
UPDATE rsvp_seats SET excess = (n > $3) WHERE meetup_id = $1 AND kind = $2 AND excess <> (n > $3)`

const addSeatsSQL = `
INSERT INTO rsvp_seats (meetup_id, kind, n)
SELECT $1, $2, g FROM generate_series(1, $3::int) g
ON CONFLICT DO NOTHING`

// setSeats makes a mode's seats match its capacity (nil: no limit) inside the transaction that
// changed it, which holds the meetup row. Lowering drops nobody: held seats beyond the capacity
// become excess. Raising fills the new seats from the waitlist in order.
func setSeats(ctx context.Context, q txq, meetupID, kind string, capacity *int, notify Notifier) error {
	tx := q.tx
	if capacity == nil {
		return unlimitSeats(ctx, tx, meetupID, kind, notify)
	}
	c := *capacity
	steps := []string{lockSeatsAboveSQL, dropFreeAboveSQL, markExcessSQL, addSeatsSQL}
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q, meetupID, kind, c); err != nil {
			return mapErr(fmt.Errorf("seats: %w", err))
		}
	}
	if err := adoptSeatless(ctx, q, meetupID, kind); err != nil {
		return err
	}
	return rebalance(ctx, q, meetupID, kind, notify)
}

const seatlessSQL = `
SELECT r.person_id FROM rsvps r
WHERE r.meetup_id = $1 AND r.mode = $2 AND r.status = 'yes'
  AND NOT EXISTS (SELECT 1 FROM rsvp_seats s WHERE s.meetup_id = $1 AND s.kind = $2 AND s.person_id = r.person_id)
ORDER BY r.answered_at, r.person_id FOR UPDATE OF r`

const addExcessSeatSQL = `
INSERT INTO rsvp_seats (meetup_id, kind, n, person_id, excess)
SELECT $1, $2, COALESCE(max(n), 0) + 1, $3, true FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2`

// adoptSeatless seats those who said yes while the mode had no limit: in a free seat where
// there is one, else in an excess seat, so nobody is dropped.
func adoptSeatless(ctx context.Context, q txq, meetupID, kind string) error {
	var people []string
	if err := q.tx.SelectContext(ctx, &people, seatlessSQL, meetupID, kind); err != nil {
		return mapErr(err)
	}
	for _, p := range people {
		got, err := claimSeat(ctx, q, meetupID, kind, p)
		if err == nil && !got {
			_, err = q.tx.ExecContext(ctx, addExcessSeatSQL, meetupID, kind, p)
		}
		if err != nil {
			return mapErr(err)
		}
	}
	return nil
}

const unlimitSQL = `
WITH w AS (
    SELECT person_id, waitlist_seq FROM rsvps
    WHERE meetup_id = $1 AND mode = $2 AND status = 'waitlisted'
    ORDER BY waitlist_seq FOR UPDATE
), up AS (
    UPDATE rsvps r SET status = 'yes', waitlist_seq = NULL, updated_at = now()
    FROM w WHERE r.meetup_id = $1 AND r.person_id = w.person_id
)
SELECT person_id, waitlist_seq FROM w ORDER BY waitlist_seq`

const dropSeatsSQL = `DELETE FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2`

// unlimitSeats lifts a mode's limit: its seats go and everyone waiting is promoted and told.
func unlimitSeats(ctx context.Context, tx *sqlx.Tx, meetupID, kind string, notify Notifier) error {
	var promoted []struct {
		PersonID string `db:"person_id"`
		Seq      int64  `db:"waitlist_seq"`
	}
	if err := tx.SelectContext(ctx, &promoted, unlimitSQL, meetupID, kind); err != nil {
		return mapErr(err)
	}
	for _, p := range promoted {
		ev := RSVPEvent{Kind: EventPromoted, MeetupID: meetupID, PersonID: p.PersonID,
			Key: fmt.Sprintf("promoted:%s:%s:%d", meetupID, p.PersonID, p.Seq)}
		if err := notify(ctx, tx, ev); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, dropSeatsSQL, meetupID, kind)
	return mapErr(err)
}
