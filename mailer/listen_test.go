package mailer_test

import (
	"context"
	"testing"
	"time"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

func TestEnqueueWakesAnIdlePool(t *testing.T) {
	r := newRig(t)
	ctx, cancel := context.WithCancel(r.ctx)
	defer cancel()
	cfg := fast()
	cfg.PollMin, cfg.PollMax = time.Minute, time.Minute
	cfg.Wake = models.ListenOutbox(ctx, r.url, quiet())
	r.enqueue(1)
	p, err := mailer.NewPool(r.store, r.smtp.URL(), cfg, quiet())
	if err != nil {
		t.Fatal(err)
	}
	r.run(p)
	r.smtp.WaitCount(t, 1, 10*time.Second) // the pool now sleeps a minute between polls
	err = r.store.InTx(r.ctx, func(tx *sqlx.Tx) error {
		_, _, err := models.Enqueue(r.ctx, tx, models.OutboxMessage{TeamID: r.team.ID, Kind: "test",
			IdempotencyKey: "wake", ToEmail: "wake@example.com", From: "convene@convene.test", Subject: "Wake", Text: "up"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	r.smtp.WaitCount(t, 2, 10*time.Second)
}
