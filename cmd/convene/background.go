package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/convene/convene/handlers"
	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/prometheus/client_golang/prometheus"
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

// startBackground starts the maintenance loop, the outbox pool, the scheduling workers and the
// speakers' due follow-ups. The pool starts draining as soon as parent ends (the signal), beside
// the HTTP shutdown; its counters go to h's registry.
func startBackground(parent context.Context, store *models.Store, cfg Config, log *slog.Logger,
	h *handlers.Handlers) (*background, error) {
	ctx, cancel := context.WithCancel(context.WithoutCancel(parent))
	mctx, mcancel := context.WithCancel(parent)
	pool, err := newMailPool(ctx, store, cfg, log, h.Metrics.Registry)
	if err != nil {
		cancel()
		mcancel()
		return nil, err
	}
	b := &background{cancel: func() { cancel(); mcancel() }}
	b.wg.Go(func() { maintain(ctx, store, log) })
	b.wg.Go(func() { _ = pool.Run(mctx) })
	b.wg.Go(func() { closeSurveys(ctx, store, log) })
	b.wg.Go(func() { sweepSeats(ctx, store, h.NoticeMail, log) })
	b.wg.Go(func() { fireReminders(ctx, store, h.ReminderMail, log) })
	b.wg.Go(func() { h.SpeakerWorkLoop(ctx, time.Minute) })
	b.wg.Go(func() { feedbackWork(ctx, h, log) })
	return b, nil
}

// newMailPool makes the outbox pool from the configuration, woken by LISTEN/NOTIFY.
func newMailPool(ctx context.Context, store *models.Store, cfg Config, log *slog.Logger,
	reg prometheus.Registerer) (*mailer.Pool, error) {
	if cfg.SMTPURL == "" {
		log.Warn("SMTP_URL is not set: mail is kept in the outbox, marked held, and not sent")
	}
	wake := models.ListenOutbox(ctx, cfg.DatabaseURL, log)
	return mailer.NewPool(store, cfg.SMTPURL, mailer.Config{Workers: cfg.Workers, Rate: cfg.MailRate,
		Wake: wake, Metrics: mailer.NewMetrics(reg)}, log)
}

// maintain prunes stale rows every hour.
func maintain(ctx context.Context, store *models.Store, log *slog.Logger) {
	every(ctx, time.Hour, func() {
		if err := store.PruneFailures(ctx); err != nil && ctx.Err() == nil {
			log.Warn("prune login failures", "err", err)
		}
	})
}

// every runs fn now and then at each tick of d until ctx ends.
func every(ctx context.Context, d time.Duration, fn func()) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		fn()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
