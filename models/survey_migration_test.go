package models_test

import (
	"context"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// surveySchemaSQL lists the relations (tables, indexes, sequences) migration 00007 creates.
const surveySchemaSQL = `
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND (c.relname LIKE 'survey%' OR c.relname LIKE 'topic_ideas%')`

// TestSurveyMigrationDownUndoesAll rolls 00007 back and forth: Down leaves nothing of it behind.
func TestSurveyMigrationDownUndoesAll(t *testing.T) {
	store := testutil.EmptyDB(t)
	ctx := context.Background()
	count := func() int {
		var n int
		if err := store.DB.GetContext(ctx, &n, surveySchemaSQL); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if err := store.MigrateUp(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(); n < 10 {
		t.Fatalf("after up: %d survey relations", n)
	}
	if err := store.MigrateDownTo(ctx, 6); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 0 {
		t.Fatalf("after down: %d survey relations left", n)
	}
	if err := store.MigrateUp(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
}
