package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/convene/convene/models"
)

// background is the set of workers serve runs beside the web server.
type background struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// stop asks the workers to finish and waits for them.
func (b *background) stop() {
	b.cancel()
	b.wg.Wait()
}

// startBackground starts the maintenance loop (and, as they land, the mail and scheduling workers).
func startBackground(parent context.Context, store *models.Store, cfg Config, log *slog.Logger) *background {
	ctx, cancel := context.WithCancel(context.WithoutCancel(parent))
	b := &background{cancel: cancel}
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		maintain(ctx, store, log)
	}()
	b.wg.Go(func() { sweepSeats(ctx, store, log) })
	b.wg.Go(func() { fireReminders(ctx, store, log) })
	return b
}

// maintain prunes stale rows every hour.
func maintain(ctx context.Context, store *models.Store, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if err := store.PruneFailures(ctx); err != nil && ctx.Err() == nil {
			log.Warn("prune login failures", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
