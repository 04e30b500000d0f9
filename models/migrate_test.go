package models_test

import (
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// schemaQuery describes the public schema (tables, columns, indexes, constraints) as sorted text,
// leaving out goose's own table.
const schemaQuery = `
SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'goose_db_version'
UNION ALL
SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'goose_db_version'
UNION ALL
SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid <> 'goose_db_version'::regclass
UNION ALL
SELECT 'type ' || typname FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e', 'd', 'c') AND typrelid = 0
UNION ALL
SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
ORDER BY 1`

// schema returns the current public schema as text.
func schema(t *testing.T, s *models.Store) string {
	t.Helper()
	var rows []string
	if err := s.DB.SelectContext(t.Context(), &rows, schemaQuery); err != nil {
		t.Fatalf("read schema: %v", err)
	}
	return strings.Join(rows, "\n")
}

// version is the newest applied migration (0 for none).
func version(t *testing.T, s *models.Store) int64 {
	t.Helper()
	var v int64
	if err := s.DB.GetContext(t.Context(), &v, `SELECT coalesce(max(version_id), 0) FROM goose_db_version`); err != nil {
		t.Fatalf("read version: %v", err)
	}
	return v
}

// TestMigrationsGoDownAndUpAgain proves that every migration's down undoes its up completely, from the
// newest to the oldest: each is rolled back and re-applied, and the schema comes back identical.
func TestMigrationsGoDownAndUpAgain(t *testing.T) {
	s := testutil.EmptyDB(t)
	ctx := t.Context()
	vs, err := s.MigrationVersions()
	if err != nil || len(vs) == 0 {
		t.Fatalf("migration versions: %v %v", vs, err)
	}
	if err := s.MigrateUp(ctx); err != nil {
		t.Fatalf("up: %v", err)
	}
	newest := vs[len(vs)-1]
	if v := version(t, s); v != newest {
		t.Fatalf("after up: version %d, want %d", v, newest)
	}
	full := schema(t, s)
	for i := len(vs) - 1; i >= 0; i-- {
		for j := len(vs) - 1; j >= i; j-- { // roll back the newest ones down to and including vs[i]
			if err := s.MigrateDown(ctx); err != nil {
				t.Fatalf("down from %d: %v", vs[j], err)
			}
			if want := below(vs, j); version(t, s) != want {
				t.Fatalf("down from %d left version %d, want %d", vs[j], version(t, s), want)
			}
		}
		if err := s.MigrateUp(ctx); err != nil {
			t.Fatalf("up again after rolling back %d: %v", vs[i], err)
		}
		if got := schema(t, s); got != full {
			t.Fatalf("schema after down/up of %d differs:\n%s", vs[i], diff(full, got))
		}
	}
	if err := s.MigrateDownTo(ctx, 0); err != nil {
		t.Fatalf("down to zero: %v", err)
	}
	if got := schema(t, s); got != "" {
		t.Fatalf("down to zero left objects behind:\n%s", got)
	}
	if err := s.MigrateUp(ctx); err != nil {
		t.Fatalf("up from zero: %v", err)
	}
	if got := schema(t, s); got != full {
		t.Fatalf("schema after down to zero and up differs:\n%s", diff(full, got))
	}
}

// below is the version left once vs[j] is rolled back.
func below(vs []int64, j int) int64 {
	if j == 0 {
		return 0
	}
	return vs[j-1]
}

// diff lists the lines only one of two texts has.
func diff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var out []string
	for l := range w {
		if !g[l] {
			out = append(out, "- "+l)
		}
	}
	for l := range g {
		if !w[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
