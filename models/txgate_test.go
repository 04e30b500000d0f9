package models_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/jmoiron/sqlx"
)

// TestTransactionsWaitTheirTurn: with room for one transaction, a second waits while the first
// is open, gives up when its context ends without touching the database, and runs once the
// first commits.
func TestTransactionsWaitTheirTurn(t *testing.T) {
	store := testutil.Open(t, testutil.DBURL(t), 4)
	store.SetPoolSize(1)
	ctx := context.Background()
	inside, leave := make(chan struct{}), make(chan struct{})
	first := make(chan error, 1)
	go func() {
		first <- store.InTx(ctx, func(tx *sqlx.Tx) error {
			close(inside)
			<-leave
			_, err := tx.ExecContext(ctx, `INSERT INTO teams (name) VALUES ('First')`)
			return err
		})
	}()
	<-inside
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	ran := false
	err := store.InTx(short, func(*sqlx.Tx) error { ran = true; return nil })
	if !errors.Is(err, context.DeadlineExceeded) || ran {
		t.Fatalf("second transaction while the first was open: err %v, ran %v; want it to wait and give up", err, ran)
	}
	close(leave)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if err := store.InTx(ctx, func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO teams (name) VALUES ('Second')`)
		return err
	}); err != nil {
		t.Fatalf("after the first committed: %v", err)
	}
	var n int
	if err := store.DB.GetContext(ctx, &n, `SELECT count(*) FROM teams WHERE name IN ('First', 'Second')`); err != nil || n != 2 {
		t.Fatalf("teams written: %d (%v), want 2", n, err)
	}
}
