package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// A batch of RSVP answers enqueues its notices in one statement whose VALUES list has a row per
// mail, so its text changes with the count: unprepared, PostgreSQL would parse and plan its
// hundreds of parameters on every batch, and lib/pq would spend a round trip describing them
// first. Padded with empty rows (which the join on the row number drops) to one of a few sizes,
// the statements are prepared once per connection and run in one round trip.

// paddedRows are the sizes the notices' statements are padded to.
var paddedRows = []int{8, 32, 128}

// pad fills the batch with empty rows up to the next of paddedRows; false when it is larger
// than all of them.
func (b *outboxBatch) pad() bool {
	n := len(b.within)
	for _, size := range paddedRows {
		if n <= size {
			for row := n + 1; row <= size; row++ {
				b.addValuesRow(row)
				b.bodies = append(b.bodies, "", "", "")
			}
			return true
		}
	}
	return false
}

// enqueueNotices is EnqueueBatch for the notices of a batch of answers, in statements padded
// to paddedRows and prepared once per connection.
func (s *Store) enqueueNotices(ctx context.Context, tx *sqlx.Tx, msgs []OutboxMessage) error {
	_, err := enqueueChunks(msgs, func(b *outboxBatch) (int, error) {
		if !b.pad() {
			return b.exec(ctx, tx)
		}
		q := b.query()
		if err := s.prepare(ctx, q); err != nil {
			return 0, err
		}
		return 0, txq{s, tx}.exec(ctx, q, b.args()...)
	})
	return err
}
