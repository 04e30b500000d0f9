package mailer

import (
	"context"
	"time"

	"github.com/convene/convene/models"
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics counts what the workers of this process did.
type Metrics struct {
	Sent    prometheus.Counter
	Failed  prometheus.Counter
	Retried prometheus.Counter
	Expired prometheus.Counter
}

// NewMetrics creates the delivery counters and registers them in reg (when not nil).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Sent:    counter("convene_mail_sent_total", "Messages the SMTP server accepted."),
		Failed:  counter("convene_mail_failed_total", "Messages that failed for good (5xx, or past their send-by deadline)."),
		Retried: counter("convene_mail_retried_total", "Temporary failures rescheduled with backoff."),
		Expired: counter("convene_mail_expired_total", "Messages dropped because their moment passed."),
	}
	if reg != nil {
		reg.MustRegister(m.Sent, m.Failed, m.Retried, m.Expired)
	}
	return m
}

func counter(name, help string) prometheus.Counter {
	return prometheus.NewCounter(prometheus.CounterOpts{Name: name, Help: help})
}

// outboxCollector reports the outbox's rows by status, read from the database at each scrape.
type outboxCollector struct {
	store *models.Store
	desc  *prometheus.Desc
}

// NewOutboxCollector returns a collector of convene_outbox_messages{status}.
func NewOutboxCollector(store *models.Store) prometheus.Collector {
	return &outboxCollector{store: store, desc: prometheus.NewDesc("convene_outbox_messages",
		"Messages in the outbox by status.", []string{"status"}, nil)}
}

// Describe sends the one descriptor.
func (c *outboxCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

// Collect counts the rows by status.
func (c *outboxCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	counts, err := c.store.OutboxCounts(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	for status, n := range counts {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n), status)
	}
}
