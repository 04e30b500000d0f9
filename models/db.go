// Package models holds Convene's domain types and all of its SQL.
package models

import (
	"context"
	"database/sql"
	"fmt"
	"golang.org/x/sync/singleflight"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // the PostgreSQL driver
	"golang.org/x/sync/semaphore"
)

// Store gives access to the database; every query of the service goes through it.
type Store struct {
	DB        *sqlx.DB
	stmts     sync.Map           // hot queries prepared once per pool: query text → *sqlx.Stmt (stmt.go)
	preparing singleflight.Group // one preparation per query at a time (stmt.go)
	prepared  atomic.Int64       // queries prepared on the pool so far
	// wakes holds the transactions that wake the outbox workers after commit (outbox_wake.go).
	wakes       sync.Map
	wakePending atomic.Bool
	// txGate lets transactions at the pool in arrival order (txgate.go).
	txGate *semaphore.Weighted
	// poolSize is the pool's bound, as SetPoolSize set it.
	poolSize int
	// answers queues RSVP answers into batches per meetup (rsvp_batch.go); noticeBufs holds
	// the notices of each batch's transaction until it writes them (rsvp_batch_notices.go).
	answers    answerBatches
	noticeBufs sync.Map
	// linkMeetups remembers the meetup of each RSVP link answered (rsvp_link_meetups.go).
	linkMeetups linkMeetups
}

// PoolConfig sizes the connection pool.
type PoolConfig struct {
	MaxOpen          int
	StatementTimeout time.Duration
}

// Open connects to PostgreSQL with a bounded pool and a statement timeout.
func Open(ctx context.Context, dsn string, pc PoolConfig) (*Store, error) {
	dsn, err := withStatementTimeout(dsn, pc.StatementTimeout)
	if err != nil {
		return nil, err
	}
	db, err := sqlx.Open("postgres", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if pc.MaxOpen <= 0 {
		pc.MaxOpen = 12
	}
	s := &Store{DB: db}
	s.SetPoolSize(pc.MaxOpen)
	db.SetConnMaxIdleTime(5 * time.Minute)
	db.SetConnMaxLifetime(30 * time.Minute)
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	return s, nil
}

// withStatementTimeout adds a statement_timeout run-time parameter unless the DSN sets one.
func withStatementTimeout(dsn string, d time.Duration) (string, error) {
	if d <= 0 {
		return dsn, nil
	}
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return dsn, nil // key=value form: left as given
	}
	q := u.Query()
	if q.Get("statement_timeout") == "" {
		q.Set("statement_timeout", fmt.Sprint(d.Milliseconds()))
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// Close closes the pool.
func (s *Store) Close() error { return s.DB.Close() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.DB.PingContext(ctx) }

// InTx runs fn in a transaction, committing when fn returns nil.
func (s *Store) InTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	release, err := s.enterTx(ctx)
	if err != nil {
		return err
	}
	defer release()
	tx, err := s.DB.BeginTxx(ctx, &sql.TxOptions{})
	if err != nil {
		return mapErr(fmt.Errorf("begin: %w", err))
	}
	return s.finishTx(tx, fn)
}

// finishTx runs fn in tx, begun already, committing when fn returns nil and rolling back when not.
func (s *Store) finishTx(tx *sqlx.Tx, fn func(tx *sqlx.Tx) error) error {
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		s.committed(tx, false)
		return mapErr(err)
	}
	if err := tx.Commit(); err != nil {
		s.committed(tx, false)
		return mapErr(fmt.Errorf("commit: %w", err))
	}
	s.committed(tx, true)
	return nil
}
