package mailer

import (
	"context"
	"time"

	"github.com/convene/convene/models"
)

// resultKind is what became of a claimed row.
type resultKind int

const (
	sent resultKind = iota
	retry
	failed
	released
)

// result is a worker's outcome for one claim.
type result struct {
	claim  models.ClaimRef
	kind   resultKind
	reason string
	delay  time.Duration
}

// Marks are written in batches of up to markBatch, at most markDelay after the first.
const (
	markBatch = 128
	markDelay = 20 * time.Millisecond
)

// marks collects sent and released claims for one batched statement each.
type marks struct {
	sent, released []models.ClaimRef
}

// mark records outcomes until results close: sends and releases batched, failures one by one.
func (p *Pool) mark(results <-chan result) {
	var m marks
	var flush <-chan time.Time
	for {
		select {
		case r, ok := <-results:
			if !ok {
				p.flush(&m)
				return
			}
			p.record(&m, r)
			if len(m.sent)+len(m.released) >= markBatch {
				p.flush(&m)
				flush = nil
			} else if flush == nil && len(m.sent)+len(m.released) > 0 {
				flush = time.After(markDelay)
			}
		case <-flush:
			p.flush(&m)
			flush = nil
		}
	}
}

// record batches a send or release, or writes a failure now.
func (p *Pool) record(m *marks, r result) {
	switch r.kind {
	case sent:
		m.sent = append(m.sent, r.claim)
	case released:
		m.released = append(m.released, r.claim)
	case failed:
		p.failed(r)
	case retry:
		p.retry(r)
	}
}

// flush writes the batched marks, trying again briefly if the database is away.
func (p *Pool) flush(m *marks) {
	p.persist("mark sent", func(ctx context.Context) error { return p.store.MarkSent(ctx, m.sent...) })
	p.persist("release", func(ctx context.Context) error { return p.store.Release(ctx, m.released) })
	m.sent, m.released = m.sent[:0], m.released[:0]
}

// failed records a permanent failure.
func (p *Pool) failed(r result) {
	p.cfg.Metrics.Failed.Inc()
	p.log.Warn("outbox: message failed", "id", r.claim.ID, "attempt", r.claim.Attempt)
	p.persist("mark failed", func(ctx context.Context) error { return p.store.MarkFailed(ctx, r.claim, r.reason) })
}

// retry reschedules a temporary failure, which fails it when past its deadline.
func (p *Pool) retry(r result) {
	var status string
	p.persist("mark retry", func(ctx context.Context) (err error) {
		status, err = p.store.MarkRetry(ctx, r.claim, r.reason, r.delay)
		return err
	})
	switch status {
	case models.OutboxQueued:
		p.cfg.Metrics.Retried.Inc()
	case models.OutboxFailed:
		p.cfg.Metrics.Failed.Inc()
		p.log.Warn("outbox: message failed after its send-by deadline", "id", r.claim.ID, "attempt", r.claim.Attempt)
	case models.OutboxExpired:
		p.cfg.Metrics.Expired.Inc()
	}
}

// persist runs a write up to three times; a write lost for good leaves the row leased, and it
// is sent again when the lease runs out (at most once more).
func (p *Pool) persist(what string, write func(context.Context) error) {
	var err error
	for i, wait := range []time.Duration{0, 200 * time.Millisecond, time.Second} {
		time.Sleep(wait)
		ctx, cancel := dbContext(context.Background())
		err = write(ctx)
		cancel()
		if err == nil {
			return
		}
		p.log.Warn("outbox: "+what+" failed", "try", i+1, "err", err)
	}
}
