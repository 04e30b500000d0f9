package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// Inside a batch's transaction the answers are taken in arrival order: runs of first answers
// (rsvp_batch_claims.go) and of leavers (rsvp_batch_leavers.go) together, any other answer as
// it would be alone.

// batchRun is a batch's transaction: the RSVPs it locked up front, by link hash, and the people
// whose RSVP an answer of the batch has changed since (whose locked rows are stale).
type batchRun struct {
	s            *Store
	tx           *sqlx.Tx
	pre          map[string]locked
	touched      map[string]bool
	overCapacity bool // a leaver run found a seat over capacity
}

// answer runs one job's answer on its RSVP locked up front, or read again when stale or missing.
func (b *batchRun) answer(ctx context.Context, j *answerJob) {
	track := func(ctx context.Context, tx *sqlx.Tx, ev RSVPEvent) error {
		b.touched[ev.PersonID] = true // a promotion changed their RSVP
		return j.notify(ctx, tx, ev)
	}
	row, ok := b.pre[j.key()]
	if ok && !b.touched[row.Person.ID] {
		j.inv, j.res, j.err = b.s.answerLocked(ctx, b.tx, row, j.a, j.valid, track)
	} else {
		j.inv, j.res, j.err = b.s.answerIn(ctx, b.tx, j.a, j.st, j.valid, track)
	}
	b.touched[j.inv.Person.ID] = true
	j.err = mapErr(j.err)
}

// answerInSavepoint runs one answer inside a savepoint, released when it succeeds and rolled
// back, with the notices it buffered, when it is refused; an error returned fails the batch.
func (b *batchRun) answerInSavepoint(ctx context.Context, j *answerJob, buf *noticeBuf) error {
	if _, err := b.tx.ExecContext(ctx, "SAVEPOINT answer"); err != nil {
		return err
	}
	n := len(buf.events)
	b.answer(ctx, j)
	end := "RELEASE SAVEPOINT answer"
	if j.err != nil {
		end = "ROLLBACK TO SAVEPOINT answer"
		buf.events, buf.renders = buf.events[:n], buf.renders[:n]
	}
	_, err := b.tx.ExecContext(ctx, end)
	return err
}

// answerAll answers the jobs in order: runs of first answers and of leavers together, the
// others one by one, each in a savepoint when safe is set.
func (b *batchRun) answerAll(ctx context.Context, jobs []*answerJob, safe bool, buf *noticeBuf) error {
	for i := 0; i < len(jobs); i++ {
		if safe {
			if err := b.answerInSavepoint(ctx, jobs[i], buf); err != nil {
				return err
			}
			continue
		}
		if run, mode := b.firstAnswerRun(jobs[i:]); len(run) > 1 {
			if err := b.answerRun(ctx, run, mode); err != nil {
				return err
			}
			i += len(run) - 1
			continue
		}
		if run, mode := b.leaverRun(jobs[i:]); len(run) > 1 && !b.overCapacity {
			done, err := b.leaveRun(ctx, run, mode)
			if err != nil {
				return err
			}
			if done {
				i += len(run) - 1
				continue
			}
			b.overCapacity = true // a seat is over capacity: leavers go one by one
		}
		if b.answer(ctx, jobs[i]); jobs[i].err != nil {
			return errRefused
		}
	}
	return nil
}
