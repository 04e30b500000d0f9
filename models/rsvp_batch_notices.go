package models

import (
	"context"
	"runtime"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// In a batch of answers the waitlisted and promoted notices are not written one by one:
// RecordNoticeOf keeps them in the batch's noticeBuf and starts rendering each mail at once, on
// as many goroutines as there are cores, while the batch runs its next statements; the batch
// writes them all before it commits, in one statement for the events and as few as EnqueueBatch
// needs for the mails.

// noticeBuf holds a batch's notices until it writes them.
type noticeBuf struct {
	events  []RSVPEvent
	renders []*pendingMail
}

// pendingMail is a notice's mail being rendered; done is closed when m or err is set.
type pendingMail struct {
	done chan struct{}
	m    OutboxMessage
	err  error
}

// renderSlots bounds the notices rendered at once, across batches, to the cores.
var renderSlots = make(chan struct{}, runtime.GOMAXPROCS(0))

// bufferNotice keeps ev and starts the render of its mail when tx is a batch's; false when it
// is not.
func (s *Store) bufferNotice(tx *sqlx.Tx, ev RSVPEvent, render func() (OutboxMessage, error)) bool {
	v, ok := s.noticeBufs.Load(tx)
	if !ok {
		return false
	}
	p := &pendingMail{done: make(chan struct{})}
	go func() {
		renderSlots <- struct{}{}
		p.m, p.err = render()
		<-renderSlots
		close(p.done)
	}()
	b := v.(*noticeBuf)
	b.events, b.renders = append(b.events, ev), append(b.renders, p)
	return true
}

// mails waits for the buffered notices' mails.
func (b *noticeBuf) mails() ([]OutboxMessage, error) {
	out := make([]OutboxMessage, len(b.renders))
	for i, p := range b.renders {
		<-p.done
		if p.err != nil {
			return nil, p.err
		}
		out[i] = p.m
	}
	return out, nil
}

// recordEventsSQL records many events once each, silencing the outbox trigger for the mails
// that follow (the commit wakes the workers, outbox_wake.go).
const recordEventsSQL = `
INSERT INTO rsvp_events (key, meetup_id, person_id, kind, position)
SELECT e.key, e.meetup_id, e.person_id, e.kind, NULLIF(e.position, 0)
FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::int[]) AS e(key, meetup_id, person_id, kind, position),
    (` + wakeAfterCommitSQL + `) AS wake
ON CONFLICT (key) DO NOTHING`

// writeNotices records the buffered events and enqueues their mails in tx.
func (s *Store) writeNotices(ctx context.Context, tx *sqlx.Tx, b *noticeBuf) error {
	if len(b.events) == 0 {
		return nil
	}
	n := len(b.events)
	keys, meetups, people, kinds := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	positions := make(pq.Int64Array, n)
	for i, ev := range b.events {
		keys[i], meetups[i], people[i], kinds[i], positions[i] = ev.Key, ev.MeetupID, ev.PersonID, ev.Kind, int64(ev.Position)
	}
	err := txq{s, tx}.exec(ctx, recordEventsSQL, pq.StringArray(keys), pq.StringArray(meetups),
		pq.StringArray(people), pq.StringArray(kinds), positions)
	if err != nil {
		return mapErr(err)
	}
	mails, err := b.mails()
	if err != nil {
		return err
	}
	if err := s.enqueueNotices(ctx, tx, mails); err != nil {
		return err
	}
	s.wakeAfterCommit(tx)
	return nil
}
