package mailer

import (
	"context"
	"time"

	"github.com/convene/convene/models"
)

// job is a claimed row on its way to a worker.
type job struct {
	row     models.OutboxRow
	claimed time.Time
}

// dispatch claims due rows into jobs while there is room, polling faster while mail flows and
// slower when idle; it closes jobs when ctx ends.
func (p *Pool) dispatch(ctx context.Context, jobs chan<- job, taken <-chan struct{}) {
	defer close(jobs)
	idle := p.cfg.PollMin
	for ctx.Err() == nil {
		free := cap(jobs) - len(jobs)
		if free < (cap(jobs)+1)/2 {
			select {
			case <-ctx.Done():
			case <-taken:
			}
			continue
		}
		n, err := p.claim(ctx, jobs, free)
		if err != nil {
			p.log.Warn("outbox: claim failed", "err", err)
		}
		if n == free {
			idle = p.cfg.PollMin
			continue
		}
		if !p.sleep(ctx, idle) {
			return
		}
		idle = min(idle*2, p.cfg.PollMax)
	}
}

// claim leases up to n rows and queues them for the workers (there is room for all n).
func (p *Pool) claim(ctx context.Context, jobs chan<- job, n int) (int, error) {
	dctx, cancel := dbContext(ctx)
	defer cancel()
	rows, err := p.store.ClaimDue(dctx, n, p.cfg.Lease)
	now := time.Now()
	for _, r := range rows {
		jobs <- job{row: r, claimed: now}
	}
	return len(rows), err
}

// hold marks due mail held while no SMTP server is configured, until ctx ends.
func (p *Pool) hold(ctx context.Context) {
	idle := p.cfg.PollMin
	for {
		dctx, cancel := dbContext(ctx)
		n, err := p.store.HoldDue(dctx)
		cancel()
		switch {
		case err != nil:
			p.log.Warn("outbox: hold failed", "err", err)
		case n > 0:
			p.log.Info("outbox: mail held, no SMTP configured", "count", n)
			idle = p.cfg.PollMin
		}
		if !p.sleep(ctx, idle) {
			return
		}
		idle = min(idle*2, p.cfg.PollMax)
	}
}
