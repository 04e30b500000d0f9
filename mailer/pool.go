package mailer

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/convene/convene/models"
	"golang.org/x/time/rate"
)

// Pool delivers the outbox: a dispatcher claims due rows, workers send them over their own SMTP
// sessions, a marker records the outcomes in batches. Without SMTP it holds due mail instead.
type Pool struct {
	store   *models.Store
	smtp    *SMTPConfig
	cfg     Config
	log     *slog.Logger
	limiter *rate.Limiter
}

// NewPool makes a pool delivering through smtpURL (SMTP_URL); an empty URL makes a pool that
// marks due mail held ("not sent: no SMTP configured").
func NewPool(store *models.Store, smtpURL string, cfg Config, log *slog.Logger) (*Pool, error) {
	p := &Pool{store: store, cfg: cfg.withDefaults(), log: log, limiter: rate.NewLimiter(rate.Inf, 1)}
	if cfg.Rate > 0 {
		p.limiter = rate.NewLimiter(rate.Limit(cfg.Rate), max(1, int(cfg.Rate)))
	}
	if smtpURL == "" {
		return p, nil
	}
	sc, err := ParseSMTPURL(smtpURL)
	if err != nil {
		return nil, err
	}
	return p.WithSMTP(sc)
}

// WithSMTP makes the pool deliver through sc (tests use it to set a TLS configuration).
func (p *Pool) WithSMTP(sc SMTPConfig) (*Pool, error) {
	if _, err := NewClient(sc, p.cfg.SendTimeout); err != nil {
		return nil, err
	}
	p.smtp = &sc
	return p, nil
}

// Run delivers until ctx ends, then lets in-flight messages finish within Grace, gives the
// claimed but unsent rows back to the queue and records every outcome before returning.
func (p *Pool) Run(ctx context.Context) error {
	if p.smtp == nil {
		p.hold(ctx)
		return nil
	}
	jobs := make(chan job, p.bufferSize())
	taken := make(chan struct{}, 1)
	results := make(chan result, cap(jobs)+p.cfg.Workers)
	workers := make([]*worker, p.cfg.Workers)
	for i := range workers {
		var err error
		if workers[i], err = p.newWorker(results, taken); err != nil {
			return err
		}
	}
	hard, cancelHard := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelHard()
	marked := make(chan struct{})
	go func() { defer close(marked); p.mark(results) }()
	var wg sync.WaitGroup
	for _, w := range workers {
		wg.Go(func() { w.run(ctx, hard, jobs) })
	}
	wg.Go(func() { p.dispatch(ctx, jobs, taken) })
	<-ctx.Done()
	stop := time.AfterFunc(p.cfg.Grace, cancelHard)
	defer stop.Stop()
	wg.Wait()
	for j := range jobs {
		results <- result{claim: j.row.Claim(), kind: released}
	}
	close(results)
	<-marked
	return nil
}

// bufferSize is how many rows are claimed ahead: fewer under a low rate limit, so no claim
// waits in the buffer near the end of its lease.
func (p *Pool) bufferSize() int {
	n := p.cfg.Batch
	if p.cfg.Rate > 0 {
		n = min(n, max(1, int(p.cfg.Rate*p.cfg.Lease.Seconds()/4)))
	}
	return n
}

// sleep waits d, or until woken or ctx ends; it reports whether to go on.
func (p *Pool) sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
	case <-p.cfg.Wake:
	}
	return true
}

// dbContext bounds one database call; it outlives ctx's cancellation so outcomes are recorded.
func dbContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
}
