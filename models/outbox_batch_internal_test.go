package models

import (
	"strings"
	"testing"
)

// TestBatchEndSplitsByRowsAndBytes proves a statement ends at maxBatchRows rows or once its
// bodies reach maxBatchBytes, and always takes at least one message, however large.
func TestBatchEndSplitsByRowsAndBytes(t *testing.T) {
	small := make([]OutboxMessage, maxBatchRows+10)
	if got := batchEnd(small, 0); got != maxBatchRows {
		t.Errorf("small messages: a statement of %d rows, want %d", got, maxBatchRows)
	}
	if got := batchEnd(small, maxBatchRows); got != len(small) {
		t.Errorf("the rest: ends at %d, want %d", got, len(small))
	}
	body := strings.Repeat("x", maxBatchBytes/4)
	big := make([]OutboxMessage, 10)
	for i := range big {
		big[i].HTML = body
	}
	if got := batchEnd(big, 0); got != 4 {
		t.Errorf("quarter-limit bodies: a statement of %d rows, want 4", got)
	}
	big[5].Text = body + body + body + body + body
	if got := batchEnd(big, 5); got != 6 {
		t.Errorf("one body over the limit: a statement of %d rows, want 1", got-5)
	}
}
