package models_test

import (
	"fmt"
	"testing"

	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// TestEnqueueNoticesPadsToPreparedSizes: notices enqueued in statements padded to a few sizes
// store exactly the mails given, each with its own bodies, at every count around the sizes
// (and beyond the largest, unpadded), and none twice when enqueued again.
func TestEnqueueNoticesPadsToPreparedSizes(t *testing.T) {
	f := newOutboxFixture(t)
	total := 0
	for _, n := range []int{1, 8, 9, 32, 33, 128, 129, 300} {
		msgs := make([]models.OutboxMessage, n)
		for i := range msgs {
			msgs[i] = f.msg(fmt.Sprintf("n%d-%d", n, i))
		}
		for range 2 {
			err := f.s.InTx(f.ctx, func(tx *sqlx.Tx) error { return f.s.EnqueueNotices(f.ctx, tx, msgs) })
			if err != nil {
				t.Fatalf("%d notices: %v", n, err)
			}
		}
		total += n
		var got struct {
			Rows, Right int
		}
		err := f.s.DB.GetContext(f.ctx, &got, `SELECT count(*) AS rows,
			count(*) FILTER (WHERE text_body = 'Hi ' || split_part(to_email, '@', 1)
				AND html_body = '<p>Hi ' || split_part(to_email, '@', 1) || '</p>') AS right
			FROM outbox WHERE team_id = $1`, f.team.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Rows != total || got.Right != total {
			t.Errorf("after %d notices: %d rows, %d with their own bodies; want %d", n, got.Rows, got.Right, total)
		}
	}
}
