package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/convene/convene/models"
)

// seatSweepEvery is how often serve settles seats left free beside someone waiting (after a
// person holding a seat was erased, or a crash): rare, so a slow beat suffices.
const seatSweepEvery = 30 * time.Second

// sweepSeats hands over seats left free while someone waits, until ctx ends.
func sweepSeats(ctx context.Context, store *models.Store, log *slog.Logger) {
	t := time.NewTicker(seatSweepEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if n, err := store.RebalanceAll(ctx, store.RecordEvents()); err != nil && ctx.Err() == nil {
			log.Warn("seat sweep", "err", err)
		} else if n > 0 {
			log.Info("seat sweep settled", "modes", n)
		}
	}
}
