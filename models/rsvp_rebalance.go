package models

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"
)

// A seat is only ever left free under the meetup's row lock, which every yes shares while it
// answers (see fillSeat and lockSQL), so no seat stays free while someone waits. Rebalance and
// the periodic sweep (RebalanceAll) settle what happens outside answers: a person erased while
// holding a seat, or a capacity raised while nobody waits.

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
