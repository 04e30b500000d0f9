package mailer

import "time"

// Config tunes a Pool; zero fields take the defaults in brackets.
type Config struct {
	Workers     int             // SMTP connections, each reused across messages [4]
	Rate        float64         // messages per second for the whole pool; 0 = unlimited
	Batch       int             // rows claimed ahead of the workers [256]
	Lease       time.Duration   // how long a claim holds before another replica may take it [5m, ≥ 2×SendTimeout]
	SendTimeout time.Duration   // bound on one message's SMTP exchange [30s]
	Grace       time.Duration   // at shutdown, how long the in-flight messages may still take [10s]
	RetryBase   time.Duration   // first retry delay after a temporary failure, doubled per attempt [30s]
	RetryMax    time.Duration   // longest retry delay [30m]
	PollMin     time.Duration   // poll interval while mail flows [50ms]
	PollMax     time.Duration   // poll interval when idle [2s]
	IdleClose   time.Duration   // an unused SMTP session is closed after this [30s]
	Wake        <-chan struct{} // wakes the dispatcher at once (LISTEN/NOTIFY); polling stays the fallback
	Metrics     *Metrics        // nil: counted but not registered
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
