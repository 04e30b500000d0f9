package pgcluster_test

import (
	"database/sql"
	"errors"
	"os"
	"testing"

	"github.com/convene/convene/internal/pgcluster"
	"github.com/convene/convene/internal/testutil"
	_ "github.com/lib/pq"
)

// ping reports whether database db of the cluster answers.
func ping(t *testing.T, c *pgcluster.Cluster, db string) error {
	t.Helper()
	conn, err := sql.Open("postgres", c.URL(db))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	return conn.PingContext(t.Context())
}

// TestClusterStopsAndStartsOnItsPort proves a throwaway cluster answers, stops, starts again on
// the same port with its data, and leaves no directory behind.
func TestClusterStopsAndStartsOnItsPort(t *testing.T) {
	c, err := pgcluster.Start(t.Context(), pgcluster.Options{Tuning: "-c fsync=off", Output: t.Output()})
	if errors.Is(err, pgcluster.ErrNoBinaries) {
		testutil.Unavailable(t, err.Error())
	}
	if err != nil {
		t.Fatal(err)
	}
	closed := false
	t.Cleanup(func() {
		if !closed {
			c.Close()
		}
	})
	if err := pgcluster.EnsureDatabase(t.Context(), c.URL("postgres"), "kept"); err != nil {
		t.Fatal(err)
	}
	if err := pgcluster.EnsureDatabase(t.Context(), c.URL("postgres"), "kept"); err != nil {
		t.Fatalf("EnsureDatabase of an existing database: %v", err)
	}
	if err := ping(t, c, "kept"); err != nil {
		t.Fatalf("a started cluster does not answer: %v", err)
	}
	port := c.Port
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := ping(t, c, "kept"); err == nil {
		t.Fatal("a stopped cluster still answers")
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	if err := ping(t, c, "kept"); err != nil || c.Port != port {
		t.Fatalf("after starting again: port %d (was %d), ping %v", c.Port, port, err)
	}
	c.Close()
	closed = true
	if _, err := os.Stat(c.Dir); !os.IsNotExist(err) {
		t.Fatalf("the temporary data directory %s is still there (%v)", c.Dir, err)
	}
}
