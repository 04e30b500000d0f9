package models

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// A meetup's next batch begins its transaction and asks for the meetup's row lock while the
// batch before it is about to commit, so that the lock passes from one to the next inside
// PostgreSQL: after each commit the next batch holds the lock at once instead of waiting two
// more round trips (BEGIN, the lock) on a machine busy with the answers just committed.

// batchLockMeetupSQL takes the meetup's row lock for a batch and has its transaction plan the
// batch's prepared statements once per connection (a generic plan) rather than on every batch:
// PostgreSQL kept re-planning them for their array arguments, a fifth of a storm's database time.
const batchLockMeetupSQL = `SELECT set_config('plan_cache_mode', 'force_generic_plan', true)
FROM meetups WHERE id = $1 FOR UPDATE`

// batchOpening is a batch's transaction, begun and asking for the meetup's row lock; done is
// closed once it holds the lock, or failed to. slot is the drain's connection it runs on.
type batchOpening struct {
	done    chan struct{}
	slot    int
	tx      *sqlx.Tx
	release func()
	err     error
}

// openBatch begins a transaction for meetupID's next batch on the drain's connection slot (or
// the pool's when conns is nil) and takes the meetup's row lock, in the background.
func (s *Store) openBatch(meetupID string, conns *batchConns, slot int) *batchOpening {
	o := &batchOpening{done: make(chan struct{}), slot: slot, release: func() {}}
	go func() {
		defer close(o.done)
		o.tx, o.release, o.err = s.beginLocked(meetupID, conns, slot)
	}()
	return o
}

// beginLocked begins a transaction holding meetupID's row lock (FOR UPDATE); release ends its
// turn at the pool.
func (s *Store) beginLocked(meetupID string, conns *batchConns, slot int) (tx *sqlx.Tx, release func(), err error) {
	ctx := context.Background()
	tx, release, err = s.beginBatch(ctx, conns, slot)
	if err != nil {
		return nil, func() {}, err
	}
	if err = (txq{s, tx}).exec(ctx, batchLockMeetupSQL, meetupID); err != nil {
		_ = tx.Rollback()
		release()
		return nil, func() {}, mapErr(err)
	}
	return tx, release, nil
}

// beginBatch begins a batch's transaction on the drain's connection slot, or after a turn at the
// gate on any of the pool's when conns is nil.
func (s *Store) beginBatch(ctx context.Context, conns *batchConns, slot int) (tx *sqlx.Tx, release func(), err error) {
	if conns != nil {
		conn, err := conns.conn(ctx, slot)
		if err == nil {
			tx, err = conn.BeginTxx(ctx, nil)
		}
		if err != nil {
			conns.drop(slot)
			return nil, nil, mapErr(fmt.Errorf("begin: %w", err))
		}
		return tx, func() {}, nil
	}
	if release, err = s.enterTx(ctx); err != nil {
		return nil, nil, err
	}
	if tx, err = s.DB.BeginTxx(ctx, nil); err != nil {
		release()
		return nil, nil, mapErr(fmt.Errorf("begin: %w", err))
	}
	return tx, release, nil
}

// wait returns the transaction once it holds the lock.
func (o *batchOpening) wait() (*sqlx.Tx, error) {
	<-o.done
	return o.tx, o.err
}

// abandon rolls the transaction back once it holds the lock: nobody is left to answer, or the
// batch before it failed and its answers go alone, which need the lock. A nil o is none.
func (o *batchOpening) abandon() {
	if o == nil {
		return
	}
	if tx, err := o.wait(); err == nil {
		_ = tx.Rollback()
	}
	o.release()
}
