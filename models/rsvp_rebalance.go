package models

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"
)

// A seat left free and a place taken on the waitlist at the same moment cannot see each
// other before they commit; nor can a seat passed on while the first person waiting is busy
// answering (SKIP LOCKED passes them by). Whichever commits last sees both in its check after
// commit and settles them; a periodic sweep (RebalanceAll) covers a crash between commit and check.

// personSeatsSQL counts a mode's seats the cheap way (every seat 1..capacity exists, so the
// taken ones are capacity + excess − free; only free and excess rows are read) and says whether
// a seat is free while someone waits or sits over capacity.
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
    CASE WHEN m.limited THEN m.capacity + s.excess - s.free ELSE 0 END AS taken,
    s.free > 0 AND (s.excess > 0 OR EXISTS (
        SELECT 1 FROM rsvps WHERE meetup_id = $1 AND mode = $2 AND status = 'waitlisted')) AS unsettled
FROM m, s`

// settle runs after a commit: it reads the seats of mode and rebalances it, and each other mode
// the change touched, when a seat is free while someone waits for one.
func (s *Store) settle(ctx context.Context, meetupID, mode string, others []string, notify Notifier) (SeatCount, error) {
	for _, k := range others {
		if k == mode {
			continue
		}
		if _, err := s.settleMode(ctx, meetupID, k, notify); err != nil {
			return SeatCount{}, err
		}
	}
	return s.settleMode(ctx, meetupID, mode, notify)
}

// settleMode reads one mode's seats and rebalances them when unsettled.
func (s *Store) settleMode(ctx context.Context, meetupID, mode string, notify Notifier) (SeatCount, error) {
	var c struct {
		SeatCount
		Unsettled bool `db:"unsettled"`
	}
	if err := s.get(ctx, &c, personSeatsSQL, meetupID, mode); err != nil || !c.Unsettled {
		return c.SeatCount, err
	}
	if err := s.Rebalance(ctx, meetupID, mode, notify); err != nil {
		return c.SeatCount, err
	}
	err := s.get(ctx, &c, personSeatsSQL, meetupID, mode)
	return c.SeatCount, err
}

// Rebalance fills the free seats of a mode from the excess and then the waitlist, in order.
func (s *Store) Rebalance(ctx context.Context, meetupID, kind string, notify Notifier) error {
	if err := s.prepare(ctx, answerQueries()...); err != nil {
		return err
	}
	return s.InTx(ctx, func(tx *sqlx.Tx) error { return rebalance(ctx, txq{s, tx}, meetupID, kind, notify) })
}

const takeFreeSeatSQL = `
SELECT n FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND person_id IS NULL
ORDER BY n LIMIT 1 FOR UPDATE SKIP LOCKED`

// rebalance passes free seats on until one stays free or none is left.
func rebalance(ctx context.Context, q txq, meetupID, kind string, notify Notifier) error {
	for {
		var n int
		err := q.get(ctx, &n, takeFreeSeatSQL, meetupID, kind)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return mapErr(err)
		}
		free, err := fillSeat(ctx, q, meetupID, kind, n, notify)
		if err != nil || free {
			return err
		}
	}
}

const unsettledSQL = `
SELECT DISTINCT s.meetup_id, s.kind FROM rsvp_seats s
WHERE s.person_id IS NULL AND (
    EXISTS (SELECT 1 FROM rsvps r WHERE r.meetup_id = s.meetup_id AND r.mode = s.kind AND r.status = 'waitlisted')
    OR EXISTS (SELECT 1 FROM rsvp_seats x WHERE x.meetup_id = s.meetup_id AND x.kind = s.kind AND x.excess))`

// RebalanceAll settles every meetup left with a free seat while someone waits, and returns how
// many modes it settled; serve runs it periodically.
func (s *Store) RebalanceAll(ctx context.Context, notify Notifier) (int, error) {
	var todo []struct {
		MeetupID string `db:"meetup_id"`
		Kind     string `db:"kind"`
	}
	if err := s.DB.SelectContext(ctx, &todo, unsettledSQL); err != nil {
		return 0, mapErr(err)
	}
	for _, t := range todo {
		if err := s.Rebalance(ctx, t.MeetupID, t.Kind, notify); err != nil {
			return 0, err
		}
	}
	return len(todo), nil
}
