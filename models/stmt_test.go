package models_test

import (
	"context"
	"sync"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestStatementPreparedOnceUnderAStorm: a hundred requests needing a query no one has prepared
// yet, all at once (a storm just after a start), prepare it once, not once each.
func TestStatementPreparedOnceUnderAStorm(t *testing.T) {
	s := testutil.DB(t)
	ctx := context.Background()
	before := s.Prepared()
	const q = `SELECT count(*) FROM rsvps WHERE meetup_id = $1 AND status = $2`
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make(chan error, 100)
	for range 100 {
		wg.Go(func() {
			<-start
			errs <- s.PrepareForTest(ctx, q)
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := s.Prepared() - before; n != 1 {
		t.Errorf("prepared %d times, want once", n)
	}
}
