package models_test

import (
	"context"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestRSVPMigrationDown: 00005 undoes itself completely and applies again.
func TestRSVPMigrationDown(t *testing.T) {
	store := testutil.EmptyDB(t)
	ctx := context.Background()
	if err := store.MigrateUp(ctx); err != nil {
		t.Fatal(err)
	}
	if err := store.MigrateDownTo(ctx, 4); err != nil {
		t.Fatal(err)
	}
	var left []string
	err := store.DB.Select(&left, `
		SELECT relname FROM pg_class WHERE relname LIKE 'rsvp%' AND relnamespace = 'public'::regnamespace
		UNION ALL SELECT proname FROM pg_proc WHERE proname LIKE 'rsvp%'`)
	if err != nil || len(left) > 0 {
		t.Fatalf("left after down: %v %v", left, err)
	}
	if err := store.MigrateUp(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
}
