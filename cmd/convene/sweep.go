package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/convene/convene/models"
)

// reminderEvery is how often serve looks for reminders due by the database's clock.
const reminderEvery = 15 * time.Second

// fireReminders sends the reminders that came due through fire (which enqueues the mails,
// expiring at the start), each once across replicas, until ctx ends.
func fireReminders(ctx context.Context, store *models.Store, fire models.ReminderFirer, log *slog.Logger) {
	every(ctx, reminderEvery, func() {
		fired, dropped, err := store.FireDueReminders(ctx, fire)
		if err != nil && ctx.Err() == nil {
			log.Warn("reminders", "err", err)
		} else if fired+dropped > 0 {
			log.Info("reminders", "fired", fired, "dropped_late", dropped)
		}
	})
}

// seatSweepEvery is how often serve settles seats left free beside someone waiting (after a
// person holding a seat was erased, or a crash): rare, so a slow beat suffices.
const seatSweepEvery = 30 * time.Second

// sweepSeats hands over seats left free while someone waits, telling each promoted person
// through notify, until ctx ends.
func sweepSeats(ctx context.Context, store *models.Store, notify models.Notifier, log *slog.Logger) {
	every(ctx, seatSweepEvery, func() {
		if n, err := store.RebalanceAll(ctx, notify); err != nil && ctx.Err() == nil {
			log.Warn("seat sweep", "err", err)
		} else if n > 0 {
			log.Info("seat sweep settled", "modes", n)
		}
	})
}
