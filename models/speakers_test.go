package models_test

import (
	"context"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestSpeakersMigrationDown: the speakers migration's Down removes everything its Up made, and Up again works.
func TestSpeakersMigrationDown(t *testing.T) {
	store := testutil.DB(t)
	ctx := context.Background()
	if err := store.MigrateDownTo(ctx, 5); err != nil {
		t.Fatal(err)
	}
	tables := []string{"speakers", "speaker_settings", "speaker_slots", "candidates", "candidate_slots", "slot_holds"}
	for _, tb := range tables {
		var exists bool
		if err := store.DB.GetContext(ctx, &exists, `SELECT to_regclass($1) IS NOT NULL`, tb); err != nil || exists {
			t.Errorf("%s still there after Down (%v)", tb, err)
		}
	}
	if err := store.MigrateUp(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
}
