package models

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"
)

// A seat left free and a place taken on the waitlist at the same moment cannot see each
// other before they commit. Whichever commits last sees both in its check after commit and
// settles them; a periodic sweep (RebalanceAll) covers a crash between commit and check.

const needsRebalanceSQL = `
SELECT EXISTS (SELECT 1 FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND person_id IS NULL)
   AND (EXISTS (SELECT 1 FROM rsvps WHERE meetup_id = $1 AND mode = $2 AND status = 'waitlisted')
        OR EXISTS (SELECT 1 FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND excess))`

// settle rebalances each mode that has a free seat while someone waits for one.
func (s *Store) settle(ctx context.Context, meetupID string, kinds []string, notify Notifier) error {
	for _, kind := range kinds {
		var need bool
		if err := s.DB.GetContext(ctx, &need, needsRebalanceSQL, meetupID, kind); err != nil {
			return mapErr(err)
		}
		if !need {
			continue
		}
		if err := s.Rebalance(ctx, meetupID, kind, notify); err != nil {
			return err
		}
	}
	return nil
}

// Rebalance fills the free seats of a mode from the excess and then the waitlist, in order.
func (s *Store) Rebalance(ctx context.Context, meetupID, kind string, notify Notifier) error {
	return s.InTx(ctx, func(tx *sqlx.Tx) error { return rebalance(ctx, tx, meetupID, kind, notify) })
}

const takeFreeSeatSQL = `
SELECT n FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND person_id IS NULL
ORDER BY n LIMIT 1 FOR UPDATE SKIP LOCKED`

// rebalance passes free seats on until one stays free or none is left.
func rebalance(ctx context.Context, tx *sqlx.Tx, meetupID, kind string, notify Notifier) error {
	for {
		var n int
		err := tx.GetContext(ctx, &n, takeFreeSeatSQL, meetupID, kind)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return mapErr(err)
		}
		free, err := fillSeat(ctx, tx, meetupID, kind, n, notify)
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
