package models

import (
	"context"

	"github.com/jmoiron/sqlx"
	"golang.org/x/sync/errgroup"
)

// Hot paths (an RSVP storm) use prepared statements: one round trip per query instead of
// two (lib/pq parses an unnamed statement, then binds it), and no planning after the first
// uses. Each is prepared once per pool and, by database/sql, once per connection it meets.
// Preparing takes a connection from the pool, so it happens before a transaction starts
// (prepare), never inside one: twenty transactions each waiting for a twenty-first
// connection would wait forever.

// prepare makes sure the queries are prepared, outside any transaction: those not prepared yet
// at once, each on a connection of its own, since one after the other they held up a storm's
// first answers (an RSVP path has twenty statements).
func (s *Store) prepare(ctx context.Context, queries ...string) error {
	var g errgroup.Group
	for _, q := range queries {
		if _, ok := s.stmts.Load(q); ok {
			continue
		}
		g.Go(func() error {
			_, err := s.stmt(ctx, q)
			return err
		})
	}
	return g.Wait()
}

// stmt returns query prepared on the pool, preparing it on first use. Callers arriving while it
// is being prepared wait for that one preparation (singleflight): a storm just after a start
// would otherwise prepare every hot query once per request, hundreds of round trips at once.
func (s *Store) stmt(ctx context.Context, query string) (*sqlx.Stmt, error) {
	if v, ok := s.stmts.Load(query); ok {
		return v.(*sqlx.Stmt), nil
	}
	v, err, _ := s.preparing.Do(query, func() (any, error) {
		if v, ok := s.stmts.Load(query); ok {
			return v, nil
		}
		st, err := s.DB.PreparexContext(context.WithoutCancel(ctx), query)
		if err != nil {
			return nil, mapErr(err)
		}
		s.stmts.Store(query, st)
		s.prepared.Add(1)
		return st, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*sqlx.Stmt), nil
}

// get runs a prepared query for one row outside a transaction.
func (s *Store) get(ctx context.Context, dest any, query string, args ...any) error {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return err
	}
	return mapErr(st.GetContext(ctx, dest, args...))
}

// txq runs prepared statements inside one transaction.
type txq struct {
	s  *Store
	tx *sqlx.Tx
}

// on gives the transaction's copy of the prepared query, or prepares it on the transaction's
// own connection when it was not prepared beforehand.
func (q txq) on(ctx context.Context, query string) (*sqlx.Stmt, error) {
	if v, ok := q.s.stmts.Load(query); ok {
		return q.tx.StmtxContext(ctx, v.(*sqlx.Stmt)), nil
	}
	st, err := q.tx.PreparexContext(ctx, query)
	return st, mapErr(err)
}

// get reads one row; sql.ErrNoRows comes back unmapped so callers can tell "none" apart.
func (q txq) get(ctx context.Context, dest any, query string, args ...any) error {
	st, err := q.on(ctx, query)
	if err != nil {
		return err
	}
	return st.GetContext(ctx, dest, args...)
}

// sel reads rows into dest.
func (q txq) sel(ctx context.Context, dest any, query string, args ...any) error {
	st, err := q.on(ctx, query)
	if err != nil {
		return err
	}
	return st.SelectContext(ctx, dest, args...)
}

// exec runs a statement.
func (q txq) exec(ctx context.Context, query string, args ...any) error {
	st, err := q.on(ctx, query)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, args...)
	return mapErr(err)
}
