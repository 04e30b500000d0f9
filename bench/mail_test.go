// Package bench measures Convene's mail path: render-and-enqueue 10,000 personalised
// invitations, deliver them with the outbox pool to a local SMTP sink, and compare with the
// raw ceiling of go-mail sending the same kind of messages straight to the same sink.
//
//	go run ./cmd/convene-db --mode test -- go test -run '^$' -bench Mail ./bench/
package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/smtptest"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
)

func contextBackground() context.Context { return context.Background() }

// envInt reads a positive integer setting, else def.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// BenchmarkMail runs the whole mail path once per iteration (BENCH_MESSAGES, default 10,000;
// BENCH_WORKERS SMTP connections, default 8) and reports its figures.
func BenchmarkMail(b *testing.B) {
	n, workers := envInt("BENCH_MESSAGES", 10000), envInt("BENCH_WORKERS", 8)
	for range b.N {
		r := runMail(b, n, workers)
		b.ReportMetric(r.enqueue.Seconds(), "enqueue-s")
		b.ReportMetric(r.delivered, "delivered-msg/s")
		b.ReportMetric(r.ceiling, "ceiling-msg/s")
		b.ReportMetric(r.delivered/r.ceiling, "ratio")
		b.ReportMetric(float64(peakRSS())/(1<<20), "peak-RSS-MB")
		b.ReportMetric(r.cpuRatio(), "cpu-ratio")
		fmt.Printf("mail bench: %d messages, %d connections: enqueue %.2f s; delivered %.0f msg/s; ceiling %.0f msg/s; "+
			"ratio %.2f; peak RSS %d MB\n", n, workers, r.enqueue.Seconds(), r.delivered, r.ceiling,
			r.delivered/r.ceiling, peakRSS()>>20)
		fmt.Println("mail bench:", r.cpuLine())
	}
}

// figures are one run's results, with the CPU seconds each phase used here and in PostgreSQL.
type figures struct {
	enqueue            time.Duration
	delivered, ceiling float64
	cpu                map[string][2]float64
}

// cpuRatio compares the CPU the ceiling needed with what the pool and PostgreSQL needed for the
// same number of messages: the ratio the wall clock shows on an idle machine, steadier on a busy one.
func (f figures) cpuRatio() float64 {
	c, d := f.cpu["ceiling"], f.cpu["delivery"]
	return (c[0] + c[1]) / (d[0] + d[1])
}

// cpuLine shows the CPU seconds of each phase.
func (f figures) cpuLine() string {
	var parts []string
	for _, ph := range []string{"enqueue", "ceiling", "delivery"} {
		c := f.cpu[ph]
		parts = append(parts, fmt.Sprintf("%s %.2f+%.2f", ph, c[0], c[1]))
	}
	return fmt.Sprintf("CPU s (Go+PostgreSQL): %s; CPU ratio %.2f", strings.Join(parts, ", "), f.cpuRatio())
}

// runMail enqueues n messages in a fresh database, measures the ceiling, then delivers them.
func runMail(b *testing.B, n, workers int) figures {
	ctx := context.Background()
	store, err := models.Open(ctx, testutil.DBURL(b), models.PoolConfig{MaxOpen: 12})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	team, err := store.EnsureTeam(ctx, "Bench")
	if err != nil {
		b.Fatal(err)
	}
	f := figures{cpu: map[string][2]float64{}}
	measure := func(phase string, run func()) {
		m := startCPU(store)
		stop := profilePhase(phase)
		run()
		stop()
		self, pg := m.stop()
		f.cpu[phase] = [2]float64{self, pg}
	}
	measure("enqueue", func() { f.enqueue, err = enqueueAll(ctx, store, team.ID, n) })
	if err != nil {
		b.Fatal(err)
	}
	// The ceiling is measured before and after the delivery, and averaged: the machine's load
	// drifts, and this way both see the same drift.
	var before, after float64
	measure("ceiling", func() { before, err = ceiling(sinkConfig(smtptest.StartSink(b)), workers, n) })
	if err != nil {
		b.Fatal(err)
	}
	measure("delivery", func() { f.delivered = deliver(b, store, workers, n) })
	if after, err = ceiling(sinkConfig(smtptest.StartSink(b)), workers, n); err != nil {
		b.Fatal(err)
	}
	f.ceiling = (before + after) / 2
	return f
}

// sinkConfig is the plain SMTP configuration of a local sink.
func sinkConfig(s *smtptest.Server) mailer.SMTPConfig {
	sc, _ := mailer.ParseSMTPURL(s.URL())
	return sc
}

// deliver runs the pool until the sink has all n messages and returns messages per second;
// it then checks every row is marked sent and every message arrived once.
func deliver(b *testing.B, store *models.Store, workers, n int) float64 {
	sink := smtptest.StartSink(b)
	pool, err := mailer.NewPool(store, sink.URL(), mailer.Config{Workers: workers, Batch: envInt("BENCH_BATCH", 0)},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	start := time.Now()
	go func() { defer close(done); _ = pool.Run(ctx) }()
	sink.WaitCount(b, n, 10*time.Minute)
	rate := float64(n) / time.Since(start).Seconds()
	cancel()
	<-done
	c, err := store.OutboxCounts(context.Background())
	if err != nil || c[models.OutboxSent] != n || len(sink.ByMessageID()) != n || sink.Count() != n {
		b.Fatalf("after delivery: outbox %v (%v), sink %d messages, %d distinct", c, err, sink.Count(), len(sink.ByMessageID()))
	}
	return rate
}
