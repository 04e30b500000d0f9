package demo_test

import (
	"context"
	"testing"

	"github.com/convene/convene/demo"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestDemoHasOutreach: the demo holds a meetup in outreach with some answers in.
func TestDemoHasOutreach(t *testing.T) {
	store := testutil.DB(t)
	ctx := context.Background()
	if _, err := demo.Load(ctx, store, nil); err != nil {
		t.Fatal(err)
	}
	var got []struct {
		Stage  string `db:"stage"`
		Status string `db:"status"`
	}
	err := store.DB.SelectContext(ctx, &got, `SELECT m.stage, c.status FROM candidates c JOIN meetups m ON m.id = c.meetup_id
		WHERE m.title = 'Lunch & Learn: PostgreSQL indexes' ORDER BY c.created_at`)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{models.CandidateInterested, models.CandidateMaybe, models.CandidateContacted, models.CandidateFound}
	if len(got) != len(want) {
		t.Fatalf("candidates %v", got)
	}
	for i, g := range got {
		if g.Stage != models.StageOutreach || g.Status != want[i] {
			t.Errorf("candidate %d: %+v, want %s in outreach", i, g, want[i])
		}
	}
	if _, err := demo.Load(ctx, store, nil); err != nil {
		t.Fatalf("a second load: %v", err)
	}
}
