package models

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/jmoiron/sqlx"
)

// Answers to one meetup are taken in batches: the answers that arrive while a batch runs wait
// for the next one, which takes them in a single transaction that first locks the meetup's row
// (FOR UPDATE), then locks their RSVPs in one statement (rsvp_batch_lock.go). A run of plain yes
// answers is claimed in a few statements (rsvp_batch_claims.go), a run of people giving up their
// seat or place in two (rsvp_batch_leavers.go); any other answer runs the same statements as
// alone (rsvp_answer.go), in order. Their notices are written together before the
// commit (rsvp_batch_notices.go). If an answer is refused, the batch runs again with a savepoint
// around each answer, so the refused one leaves no trace while the others commit. A storm on one
// meetup then costs one transaction, one commit and no lock contention per batch instead of per
// answer; replicas take turns at the row lock, and different meetups run in parallel.

// maxBatch bounds the answers one transaction takes.
const maxBatch = 128

// answerJob is one answer waiting for its batch.
type answerJob struct {
	ctx    context.Context
	a      Answer
	st     answerStatements
	valid  func(Invitation) bool
	notify Notifier
	done   chan struct{}
	inv    Invitation
	res    AnswerResult
	err    error
}

// answerBatches holds the answers waiting, per meetup, and which meetups have a batch running,
// and counts the batches and those that failed as a whole (their answers then taken alone).
type answerBatches struct {
	mu        sync.Mutex
	waiting   map[string][]*answerJob
	running   map[string]bool
	batches   atomic.Int64
	fallbacks atomic.Int64
}

// AnswerBatches says how many batches of answers ran and how many of them failed as a whole, so
// that their answers were taken one by one (a bug or a database error: answers refused one by
// one do not count).
func (s *Store) AnswerBatches() (batches, fallbacks int64) {
	return s.answers.batches.Load(), s.answers.fallbacks.Load()
}

// batchAnswer queues the answer to meetupID and waits for the batch that takes it.
func (s *Store) batchAnswer(ctx context.Context, meetupID string, j *answerJob) (Invitation, AnswerResult, error) {
	j.ctx, j.done = ctx, make(chan struct{})
	b := &s.answers
	b.mu.Lock()
	if b.waiting == nil {
		b.waiting, b.running = map[string][]*answerJob{}, map[string]bool{}
	}
	b.waiting[meetupID] = append(b.waiting[meetupID], j)
	if !b.running[meetupID] {
		b.running[meetupID] = true
		go s.drainAnswers(meetupID)
	}
	b.mu.Unlock()
	<-j.done
	return j.inv, j.res, j.err
}

// drainAnswers runs the meetup's batches until nobody waits.
func (s *Store) drainAnswers(meetupID string) {
	b := &s.answers
	for {
		b.mu.Lock()
		jobs := b.waiting[meetupID]
		if len(jobs) > maxBatch {
			jobs, b.waiting[meetupID] = jobs[:maxBatch], jobs[maxBatch:]
		} else {
			delete(b.waiting, meetupID)
		}
		if len(jobs) == 0 {
			delete(b.running, meetupID)
			b.mu.Unlock()
			return
		}
		b.mu.Unlock()
		s.runBatch(meetupID, jobs)
	}
}

// errRefused ends a batch's first try when one of its answers was refused.
var errRefused = errors.New("an answer of the batch was refused")

// runBatch answers the jobs in one transaction. The first try runs them straight on; if one is
// refused (a bad mode, a closed meetup), it is rolled back and the batch runs again with a
// savepoint around each answer. If the transaction itself fails, each job is answered alone.
func (s *Store) runBatch(meetupID string, jobs []*answerJob) {
	live := jobs[:0:0]
	for _, j := range jobs {
		if j.err = j.ctx.Err(); j.err != nil {
			close(j.done)
			continue
		}
		live = append(live, j)
	}
	err := s.batchTx(meetupID, live, false)
	if errors.Is(err, errRefused) {
		err = s.batchTx(meetupID, live, true)
	}
	s.answers.batches.Add(1)
	if err != nil {
		s.answers.fallbacks.Add(1)
	}
	for _, j := range live {
		if err != nil || retryable(j.err) {
			j.inv, j.res, j.err = s.answerAlone(j.ctx, j.a, j.st, j.valid, j.notify)
		}
		close(j.done)
	}
}

// batchTx runs the jobs in one transaction under the meetup's row lock, with a savepoint around
// each when safe is set (else the first refusal is errRefused), and writes their notices last.
func (s *Store) batchTx(meetupID string, jobs []*answerJob, safe bool) error {
	ctx := context.Background()
	return s.InTx(ctx, func(tx *sqlx.Tx) error {
		buf := &noticeBuf{}
		s.noticeBufs.Store(tx, buf)
		defer s.noticeBufs.Delete(tx)
		if _, err := tx.ExecContext(ctx, lockMeetupRowSQL, meetupID); err != nil {
			return err
		}
		pre, err := s.lockBatch(ctx, tx, meetupID, jobs)
		if err != nil {
			return err
		}
		b := &batchRun{s: s, tx: tx, pre: pre, touched: map[string]bool{}}
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
		return s.writeNotices(ctx, tx, buf)
	})
}

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

// answerMeetupSQL finds the meetup of an RSVP link, so that its answer joins the meetup's batch.
const answerMeetupSQL = `SELECT meetup_id FROM links WHERE token_hash = $1 AND purpose = 'rsvp' AND meetup_id IS NOT NULL`

// meetupOfToken is the meetup an RSVP link's answer goes to; ErrNotFound for an unknown link.
func (s *Store) meetupOfToken(ctx context.Context, hash []byte) (string, error) {
	if id, ok := s.linkMeetups.get(hash); ok {
		return id, nil
	}
	var id string
	err := s.get(ctx, &id, answerMeetupSQL, hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	if err == nil {
		s.linkMeetups.put(hash, id)
	}
	return id, mapErr(err)
}
