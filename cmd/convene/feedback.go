package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/convene/convene/handlers"
)

// feedbackEvery is how often serve looks for feedback forms and reminders that are due.
const feedbackEvery = 30 * time.Second

// feedbackWork sends due feedback forms and reminders; every replica runs it and the database
// makes each mail go once (handlers.RunFeedbackWork).
func feedbackWork(ctx context.Context, h *handlers.Handlers, log *slog.Logger) {
	every(ctx, feedbackEvery, func() {
		run, err := h.RunFeedbackWork(ctx)
		if err != nil && ctx.Err() == nil {
			log.Warn("feedback work", "err", err)
		}
		if run.Meetups+run.Reminded > 0 {
			log.Info("feedback work", "forms", run.Meetups, "mailed", run.Mailed, "reminded", run.Reminded)
		}
	})
}
