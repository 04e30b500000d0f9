package models

import (
	"context"
	"log/slog"
	"time"

	"github.com/lib/pq"
)

// OutboxChannel is the channel a committed enqueue or retry notifies.
const OutboxChannel = "convene_outbox"

const notifyOutboxSQL = `SELECT pg_notify('` + OutboxChannel + `', '')`

// ListenOutbox wakes the returned channel whenever mail is enqueued or queued again, on any
// replica, until ctx ends; it reconnects by itself (and wakes after reconnecting, as a
// notification may have been missed meanwhile). Polling stays the fallback.
func ListenOutbox(ctx context.Context, dsn string, log *slog.Logger) <-chan struct{} {
	wake := make(chan struct{}, 1)
	l := pq.NewListener(dsn, time.Second, 30*time.Second, func(ev pq.ListenerEventType, err error) {
		if err != nil {
			log.Warn("outbox: listen connection", "event", ev, "err", err)
		}
	})
	if err := l.Listen(OutboxChannel); err != nil {
		log.Warn("outbox: listen", "err", err)
	}
	go func() {
		defer l.Close()
		ping := time.NewTicker(time.Minute)
		defer ping.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-l.Notify:
			case <-ping.C:
				_ = l.Ping()
				continue
			}
			select {
			case wake <- struct{}{}:
			default:
			}
		}
	}()
	return wake
}
