package mailer

import (
	"context"
	"errors"
	"time"

	"github.com/convene/convene/models"
)

// leaseMargin is kept between a send's deadline and the end of its claim's lease.
func (c Config) leaseMargin() time.Duration { return min(5*time.Second, c.Lease/10) }

// worker sends claimed rows over its one SMTP session.
type worker struct {
	p       *Pool
	s       session
	results chan<- result
	taken   chan<- struct{}
	pause   time.Duration // after a failed dial: waited before the next message, doubled up to maxPause
}

// Pauses after failing to reach the server, so an outage does not churn through the queue.
const (
	minPause = time.Second
	maxPause = 30 * time.Second
)

// newWorker makes a worker with its own client (and, once it sends, its own connection).
func (p *Pool) newWorker(results chan<- result, taken chan<- struct{}) (*worker, error) {
	c, err := NewClient(*p.smtp, p.cfg.SendTimeout)
	if err != nil {
		return nil, err
	}
	return &worker{p: p, s: session{client: c}, results: results, taken: taken}, nil
}

// run takes jobs until ctx ends or jobs close; hard aborts an in-flight send.
func (w *worker) run(ctx, hard context.Context, jobs <-chan job) {
	defer w.s.close()
	idle := time.NewTimer(w.p.cfg.IdleClose)
	defer idle.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-idle.C:
			w.s.close()
		case j, ok := <-jobs:
			if !ok {
				return
			}
			select {
			case w.taken <- struct{}{}:
			default:
			}
			if ctx.Err() != nil {
				w.results <- result{claim: j.row.Claim(), kind: released}
				return
			}
			r, err := w.deliver(ctx, hard, j)
			w.results <- r
			w.wait(ctx, err)
			idle.Reset(w.p.cfg.IdleClose)
		}
	}
}

// deliver sends one claimed row and says what became of it (and the send's error).
func (w *worker) deliver(ctx, hard context.Context, j job) (result, error) {
	c := j.row.Claim()
	if time.Since(j.claimed) > w.p.cfg.Lease-w.p.cfg.SendTimeout-w.p.cfg.leaseMargin() {
		return result{claim: c, kind: released}, nil // too close to the lease's end to start
	}
	if err := w.p.limiter.Wait(ctx); err != nil {
		return result{claim: c, kind: released}, nil
	}
	msg, err := messageOf(j.row).Build()
	if err == nil {
		err = w.s.send(hard, msg)
	}
	switch {
	case err == nil:
		w.p.cfg.Metrics.Sent.Inc()
		return result{claim: c, kind: sent}, nil
	case permanent(err):
		return result{claim: c, kind: failed, reason: reason(err)}, err
	}
	delay := backoff(c.Attempt, w.p.cfg.RetryBase, w.p.cfg.RetryMax)
	return result{claim: c, kind: retry, reason: reason(err), delay: delay}, err
}

// wait pauses after a failed dial, longer each time in a row, until ctx ends.
func (w *worker) wait(ctx context.Context, err error) {
	if !errors.As(err, new(dialError)) {
		w.pause = 0
		return
	}
	w.pause = min(max(2*w.pause, minPause), maxPause)
	t := time.NewTimer(w.pause)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// messageOf turns a stored row into the message to build; Date is when it was enqueued, so a
// resend is the same message.
func messageOf(r models.OutboxRow) Message {
	m := Message{From: r.From, ReplyTo: r.ReplyTo, ToEmail: r.ToEmail, ToName: r.ToName, Subject: r.Subject, Text: r.Text,
		HTML: r.HTML, ICSMethod: r.ICSMethod, MessageID: r.MessageID, Date: r.CreatedAt}
	if r.ICS != "" {
		m.ICS = []byte(r.ICS)
	}
	return m
}
