package testutil

import (
	"testing"

	"github.com/peterldowns/pgtestdb"
)

// DBURL returns the URL of a fresh, fully migrated database of its own (dropped after the test),
// for tests that open several connection pools on one database, as replicas would, or hand it
// to a child process.
func DBURL(t testing.TB) string {
	t.Helper()
	return pgtestdb.Custom(t, pgConfig(t, AdminURL(t)), migrator{}).URL()
}
