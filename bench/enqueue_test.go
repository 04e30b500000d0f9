package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// enqueueBatch is how many messages go into one INSERT.
const enqueueBatch = 250

// enqueueAll renders n personalised invitations and enqueues them in one transaction, batch by
// batch, rendering the next batch while the database stores the last; it returns the time taken.
func enqueueAll(ctx context.Context, store *models.Store, teamID string, n int) (time.Duration, error) {
	start := time.Now()
	batches := make(chan []models.OutboxMessage)
	errc := make(chan error, 1)
	go func() { errc <- renderBatches(teamID, n, batches) }()
	err := store.InTx(ctx, func(tx *sqlx.Tx) error {
		for b := range batches {
			if _, err := models.EnqueueBatch(ctx, tx, b); err != nil {
				return err
			}
		}
		return <-errc
	})
	if err != nil {
		for range batches { // let the renderer finish
		}
	}
	return time.Since(start), err
}

// renderBatches renders the n invitations into batches, closing out at the end.
func renderBatches(teamID string, n int, out chan<- []models.OutboxMessage) error {
	defer close(out)
	batch := make([]models.OutboxMessage, 0, enqueueBatch)
	for i := range n {
		p := newInvitee(i)
		r, err := render(p)
		if err != nil {
			return err
		}
		batch = append(batch, models.OutboxMessage{TeamID: teamID, Kind: "invite", IdempotencyKey: fmt.Sprintf("invite:bench:%d:0", i),
			ToEmail: p.Email, ToName: p.Name, From: "Convene <convene@corp.example>", Subject: r.Subject, Text: r.Text,
			HTML: r.HTML, ICS: r.ICS, ICSMethod: "REQUEST", MessageIDHost: "convene.corp.example"})
		if len(batch) == enqueueBatch || i == n-1 {
			out <- batch
			batch = make([]models.OutboxMessage, 0, enqueueBatch)
		}
	}
	return nil
}
