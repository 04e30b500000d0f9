package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// A meetup's drain runs its batches on two connections of its own, taken from the pool when it
// starts and given back when it ends: one for the batch running, one for the next, opened before
// the first commits (rsvp_batch_open.go). PostgreSQL parses the batch's statements, loads its
// catalogue and compiles the triggers' functions once per connection, so a storm pays that on two
// connections rather than on each of the pool's in turn: database/sql hands a freed connection to
// any waiter, and a storm's batches had run on 16 of 20. The drain holds two turns at the
// transaction gate (txgate.go) while it keeps them, so the gate still admits no more
// transactions than the pool has connections for.

// batchConns are a drain's two connections; nil (a pool too small to spare two) means each
// batch takes its turn and a connection from the pool.
type batchConns struct {
	s     *Store
	conns [2]*sqlx.Conn
}

// holdBatchConns takes two turns at the gate for a drain, or gives nil when the pool cannot
// spare two connections and still serve everything else.
func (s *Store) holdBatchConns() *batchConns {
	if s.txGate == nil || s.poolSize < 4 {
		return nil
	}
	if err := s.txGate.Acquire(context.Background(), 2); err != nil {
		return nil
	}
	return &batchConns{s: s}
}

// conn is connection i, taken from the pool on first use.
func (c *batchConns) conn(ctx context.Context, i int) (*sqlx.Conn, error) {
	if c.conns[i] == nil {
		conn, err := c.s.DB.Connx(ctx)
		if err != nil {
			return nil, mapErr(err)
		}
		c.conns[i] = conn
	}
	return c.conns[i], nil
}

// drop gives connection i back to the pool after an error, so the next batch takes a fresh one;
// a nil c has none.
func (c *batchConns) drop(i int) {
	if c != nil && c.conns[i] != nil {
		_ = c.conns[i].Close()
		c.conns[i] = nil
	}
}

// release gives both connections and the two turns back; a nil c is none.
func (c *batchConns) release() {
	if c == nil {
		return
	}
	c.drop(0)
	c.drop(1)
	c.s.txGate.Release(2)
}
