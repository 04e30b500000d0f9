package mailer

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/convene/convene/models"
	"golang.org/x/time/rate"
)

// Config tunes a Pool; zero fields take the defaults in brackets.
type Config struct {
	Workers     int           // SMTP connections, each reused across messages [4]
	Rate        float64       // messages per second for the whole pool; 0 = unlimited
	Batch       int           // rows claimed ahead of the workers [256]
	Lease       time.Duration // how long a claim holds before another replica may take it [5m, ≥ 2×SendTimeout]
	SendTimeout time.Duration // bound on one message's SMTP exchange [30s]
	Grace       time.Duration // at shutdown, how long the in-flight messages may still take [10s]
	RetryBase   time.Duration // first retry delay after a temporary failure, doubled per attempt [30s]
	RetryMax    time.Duration // longest retry delay [30m]
	PollMin     time.Duration // poll interval while mail flows [50ms]
	PollMax     time.Duration // poll interval when idle [2s]
	IdleClose   time.Duration // an unused SMTP session is closed after this [30s]
	Wake        <-chan struct{}
	Metrics     *Metrics // nil: counted but not registered
}

// withDefaults fills the zero fields.
func (c Config) withDefaults() Config {
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	if c.Workers <= 0 {
		c.Workers = 4
	}
	if c.Batch <= 0 {
		c.Batch = 256
	}
	def(&c.SendTimeout, 30*time.Second)
	def(&c.Lease, 5*time.Minute)
	c.Lease = max(c.Lease, 2*c.SendTimeout) // a claim outlives the send it starts
	def(&c.Grace, 10*time.Second)
	def(&c.RetryBase, 30*time.Second)
	def(&c.RetryMax, 30*time.Minute)
	def(&c.PollMin, 50*time.Millisecond)
	def(&c.PollMax, 2*time.Second)
	def(&c.IdleClose, 30*time.Second)
	if c.Metrics == nil {
		c.Metrics = NewMetrics(nil)
	}
	return c
}

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
