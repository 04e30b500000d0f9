package mailer_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/convene/convene/internal/smtptest"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// rig is a database, a team and a real SMTP server to deliver to.
type rig struct {
	t     *testing.T
	ctx   context.Context
	url   string
	store *models.Store
	smtp  *smtptest.Server
	team  models.Team
}

func newRig(t *testing.T) *rig {
	t.Helper()
	t.Parallel()
	r := &rig{t: t, ctx: context.Background(), url: testutil.DBURL(t), smtp: smtptest.Start(t)}
	r.store = r.open()
	var err error
	if r.team, err = r.store.EnsureTeam(r.ctx, "Mail team"); err != nil {
		t.Fatal(err)
	}
	return r
}

// open opens another connection pool on the rig's database, as another replica would.
func (r *rig) open() *models.Store {
	s, err := models.Open(r.ctx, r.url, models.PoolConfig{MaxOpen: 8, StatementTimeout: 30 * time.Second})
	if err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(func() { s.Close() })
	return s
}

// addr is the address of message i.
func addr(i int) string { return fmt.Sprintf("k%d@example.com", i) }

// enqueue stores n messages to k0…kn-1@example.com and returns their ids in order.
func (r *rig) enqueue(n int) []string {
	r.t.Helper()
	msgs := make([]models.OutboxMessage, n)
	for i := range msgs {
		msgs[i] = models.OutboxMessage{TeamID: r.team.ID, Kind: "test", IdempotencyKey: fmt.Sprintf("test:%d", i),
			ToEmail: addr(i), ToName: fmt.Sprintf("Person %d", i), From: "Convene <convene@convene.test>",
			Subject: fmt.Sprintf("Message %d", i), Text: fmt.Sprintf("Hello %d", i), HTML: fmt.Sprintf("<p>Hello %d</p>", i)}
	}
	err := r.store.InTx(r.ctx, func(tx *sqlx.Tx) error {
		_, err := models.EnqueueBatch(r.ctx, tx, msgs)
		return err
	})
	if err != nil {
		r.t.Fatal(err)
	}
	ids := make([]string, n)
	err = r.store.DB.SelectContext(r.ctx, &ids, `SELECT id FROM outbox ORDER BY (substr(idempotency_key, 6))::int`)
	if err != nil || len(ids) != n {
		r.t.Fatalf("ids: %v", err)
	}
	return ids
}

// fast is a pool configuration for tests: quick polls and retries.
func fast() mailer.Config {
	return mailer.Config{Workers: 4, RetryBase: 20 * time.Millisecond, RetryMax: 100 * time.Millisecond,
		PollMin: 5 * time.Millisecond, PollMax: 50 * time.Millisecond, SendTimeout: 5 * time.Second, Grace: 5 * time.Second}
}

// start runs a pool on store until the returned stop is called (or the test ends).
func (r *rig) start(store *models.Store, smtpURL string, cfg mailer.Config) (stop func()) {
	r.t.Helper()
	p, err := mailer.NewPool(store, smtpURL, cfg, quiet())
	if err != nil {
		r.t.Fatal(err)
	}
	return r.run(p)
}

// quiet is a logger that drops everything.
func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// run runs p until the returned stop is called (or the test ends).
func (r *rig) run(p *mailer.Pool) (stop func()) {
	ctx, cancel := context.WithCancel(r.ctx)
	done := make(chan struct{})
	go func() { defer close(done); _ = p.Run(ctx) }()
	stop = func() { cancel(); <-done }
	r.t.Cleanup(stop)
	return stop
}

// row reads one outbox row.
func (r *rig) row(id string) models.OutboxRow {
	r.t.Helper()
	row, err := r.store.GetOutbox(r.ctx, r.team.ID, id)
	if err != nil {
		r.t.Fatal(err)
	}
	return row
}

// wantEachOnce checks the server got every row's Message-ID exactly once.
func (r *rig) wantEachOnce(ids []string) {
	r.t.Helper()
	got := r.smtp.ByMessageID()
	for _, id := range ids {
		mid := r.row(id).MessageID
		if got[mid] != 1 {
			r.t.Fatalf("message %s (%s) delivered %d times", id, mid, got[mid])
		}
	}
	if len(got) != len(ids) {
		r.t.Fatalf("server got %d distinct messages, want %d", len(got), len(ids))
	}
}
