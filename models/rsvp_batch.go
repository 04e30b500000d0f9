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
// answer; replicas take turns at the row lock, and different meetups run in parallel. The next
// batch's transaction asks for the lock before the one holding it commits (rsvp_batch_open.go),
// and the batch's statements are prepared once per connection.

// maxBatch bounds the answers one transaction takes. It is above a storm's usual batch (about
// half the clients waiting) so that a first wave, everyone answering at once, is taken in two
// batches rather than three.
const maxBatch = 256

// answerJob is one answer waiting for its batch.
type answerJob struct {
	ctx      context.Context
	meetupID string
	a        Answer
	st       answerStatements
	valid    func(Invitation) bool
	notify   Notifier
	done     chan struct{}
	inv      Invitation
	res      AnswerResult
	err      error
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
	j.ctx, j.meetupID, j.done = ctx, meetupID, make(chan struct{})
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

// drainAnswers runs the meetup's batches until nobody waits, each in the transaction the one
// before it opened (rsvp_batch_open.go). The last one opened is rolled back before the meetup
// counts as drained, so no transaction of a finished drain is left asking for the meetup's lock.
func (s *Store) drainAnswers(meetupID string) {
	conns := s.holdBatchConns()
	defer conns.release()

	var next *batchOpening
	for {
		jobs := s.answers.take(meetupID)
		if len(jobs) == 0 {
			next.abandon()
			next = nil
			if s.answers.finish(meetupID) {
				return
			}
			continue
		}
		next = s.runBatch(meetupID, jobs, conns, next)
	}
}

// take hands out the next batch of meetupID's answers, up to maxBatch.
func (b *answerBatches) take(meetupID string) []*answerJob {
	b.mu.Lock()
	defer b.mu.Unlock()
	jobs := b.waiting[meetupID]
	if len(jobs) > maxBatch {
		jobs, b.waiting[meetupID] = jobs[:maxBatch], jobs[maxBatch:]
	} else {
		delete(b.waiting, meetupID)
	}
	return jobs
}

// finish marks the meetup as drained unless answers came meanwhile; false when they did.
func (b *answerBatches) finish(meetupID string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.waiting[meetupID]) > 0 {
		return false
	}
	delete(b.running, meetupID)
	return true
}

// batchQueries are the statements of a batch, prepared once on the pool so that PostgreSQL
// parses and plans them once per connection rather than once per batch.
var batchQueries = []string{batchLockMeetupSQL, batchLockByLinkSQL, batchLockByIDSQL, claimRunSQL, storeRunSQL,
	leaveRunSQL, recordEventsSQL}

// errRefused ends a batch's first try when one of its answers was refused.
var errRefused = errors.New("an answer of the batch was refused")

// runBatch answers the jobs in one transaction, open's (or its own when open is nil), and
// returns the next batch's, opened just before this one commits. The first try runs them
// straight on; if one is refused (a bad mode, a closed meetup), it is rolled back and the batch
// runs again with a savepoint around each answer. If the transaction itself fails, each job is
// answered alone.
func (s *Store) runBatch(meetupID string, jobs []*answerJob, conns *batchConns, open *batchOpening) (next *batchOpening) {
	live := jobs[:0:0]
	for _, j := range jobs {
		if j.err = j.ctx.Err(); j.err != nil {
			close(j.done)
			continue
		}
		live = append(live, j)
	}
	if len(live) == 0 {
		return open
	}
	if err := s.prepare(context.Background(), batchQueries...); err != nil {
		for _, j := range live {
			j.err = err
			close(j.done)
		}
		return open
	}
	if open == nil {
		open = s.openBatch(meetupID, conns, 0)
	}
	slot := open.slot
	opened := func() { next = s.openBatch(meetupID, conns, 1-slot) }
	err := s.batchTx(open, live, false, opened)
	if errors.Is(err, errRefused) {
		err = s.batchTx(s.openBatch(meetupID, conns, slot), live, true, opened)
	}
	s.answers.batches.Add(1)
	if err != nil {
		s.answers.fallbacks.Add(1)
		next.abandon() // the answers taken alone need the meetup's lock
		next = nil
		conns.drop(slot) // it may be the connection that failed: the next batch takes a fresh one
	}
	for _, j := range live {
		if err != nil || retryable(j.err) {
			j.inv, j.res, j.err = s.answerAlone(j.ctx, j.a, j.st, j.valid, j.notify)
		}
		close(j.done)
	}
	return next
}

// batchTx runs the jobs in open's transaction, under the meetup's row lock, with a savepoint
// around each when safe is set (else the first refusal is errRefused), writes their notices
// last and, once nothing is left to refuse, calls opened before the commit.
func (s *Store) batchTx(open *batchOpening, jobs []*answerJob, safe bool, opened func()) error {
	ctx := context.Background()
	tx, err := open.wait()
	defer open.release()
	if err != nil {
		return err
	}
	meetupID := jobs[0].meetupID
	return s.finishTx(tx, func(tx *sqlx.Tx) error {
		buf := &noticeBuf{}
		s.noticeBufs.Store(tx, buf)
		defer s.noticeBufs.Delete(tx)
		pre, err := s.lockBatch(ctx, tx, meetupID, jobs)
		if err != nil {
			return err
		}
		b := &batchRun{s: s, tx: tx, pre: pre, touched: map[string]bool{}}
		if err := b.answerAll(ctx, jobs, safe, buf); err != nil {
			return err
		}
		if err := s.writeNotices(ctx, tx, buf); err != nil {
			return err
		}
		opened()
		return nil
	})
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
