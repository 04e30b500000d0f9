package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// statusLines maps each migration version to its line of `migrate status`.
func statusLines(t *testing.T, out string) map[int64]string {
	t.Helper()
	m := map[int64]string{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var v int64
		if _, err := fmt.Sscanf(l, "%d", &v); err != nil {
			t.Fatalf("status line %q: %v", l, err)
		}
		m[v] = l
	}
	return m
}

// TestMigrateCommands proves `migrate status`, `up` and `down` report and change the schema version.
func TestMigrateCommands(t *testing.T) {
	url := testutil.EmptyDBURL(t)
	cleanEnv(t)
	t.Setenv("DATABASE_URL", url)
	store := testutil.Open(t, url, 2)
	vs, err := store.MigrationVersions()
	if err != nil {
		t.Fatal(err)
	}
	expect := func(args []string, applied int) {
		t.Helper()
		r := convene(t, "", args...)
		if r.code != 0 {
			t.Fatalf("migrate %v: exit %d, %q", args, r.code, r.stderr)
		}
		lines := statusLines(t, r.stdout)
		if len(lines) != len(vs) {
			t.Fatalf("migrate %v printed %d lines for %d migrations:\n%s", args, len(lines), len(vs), r.stdout)
		}
		for i, v := range vs {
			want := "pending"
			if i < applied {
				want = "applied"
			}
			if !strings.Contains(lines[v], want) {
				t.Fatalf("after migrate %v, %d is not %s: %q", args, v, want, lines[v])
			}
		}
	}
	expect([]string{"migrate", "status"}, 0)
	expect([]string{"migrate", "up"}, len(vs))
	if !tableExists(t, store, "meetups") {
		t.Fatal("migrate up made no meetups table")
	}
	expect([]string{"migrate", "down"}, len(vs)-1)
	expect([]string{"migrate"}, len(vs)) // up is the default
	if r := convene(t, "", "migrate", "sideways"); r.code != 2 || !strings.Contains(r.stderr, `unknown action "sideways"`) {
		t.Fatalf("migrate sideways: exit %d, %q", r.code, r.stderr)
	}
}

// tableExists reports whether the public schema has the table.
func tableExists(t *testing.T, s *models.Store, name string) bool {
	t.Helper()
	var ok bool
	if err := s.DB.GetContext(t.Context(), &ok, `SELECT to_regclass($1) IS NOT NULL`, "public."+name); err != nil {
		t.Fatal(err)
	}
	return ok
}
