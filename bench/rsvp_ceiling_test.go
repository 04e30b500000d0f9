package bench

import (
	"context"
	"sync"
	"time"

	"github.com/convene/convene/models"
)

// rsvpCeiling is the most one row per answer can give: a plain INSERT … ON CONFLICT DO UPDATE per
// answer, from as many clients through the same pool, straight on the database.
func rsvpCeiling(ctx context.Context, store *models.Store, clients, n int) (rsvpResult, error) {
	if _, err := store.DB.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS rsvp_ceiling (
		person integer PRIMARY KEY, answer text NOT NULL, answered_at timestamptz NOT NULL)`); err != nil {
		return rsvpResult{}, err
	}
	const upsert = `INSERT INTO rsvp_ceiling (person, answer, answered_at) VALUES ($1, $2, now())
		ON CONFLICT (person) DO UPDATE SET answer = EXCLUDED.answer, answered_at = EXCLUDED.answered_at`
	var res rsvpResult
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	start := time.Now()
	for k := range clients {
		wg.Go(func() {
			lat := make([]time.Duration, 0, n/clients)
			for j := range n / clients {
				t0 := time.Now()
				if _, err := store.DB.ExecContext(ctx, upsert, k*n/clients+j%(n/clients*4/5), "yes"); err != nil {
					errs <- err
					return
				}
				lat = append(lat, time.Since(t0))
			}
			mu.Lock()
			res.latencies = append(res.latencies, lat...)
			mu.Unlock()
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	close(errs)
	return res, <-errs
}
