package main

import (
	"context"
	"fmt"
	"os"

	"github.com/convene/convene/internal/pgcluster"
)

// startCluster starts a private cluster from the machine's binaries on a free port.
func startCluster(ctx context.Context, mode, dir string) (*Database, error) {
	opts := pgcluster.Options{Dir: dir, Tuning: tuning(mode), Install: os.Getenv("CONVENE_DB_NO_INSTALL") == ""}
	if mode == "test" {
		opts.Dir = "" // a temporary directory, removed at the end
	}
	c, err := pgcluster.Start(ctx, opts)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "convene-db: started a private PostgreSQL in %s on port %d\n", c.Dir, c.Port)
	if err := pgcluster.EnsureDatabase(ctx, c.URL("postgres"), "convene"); err != nil {
		c.Close()
		return nil, err
	}
	return &Database{URL: dbURL(c.URL, mode), Close: c.Close}, nil
}

// tuning trades durability for speed in throwaway test clusters.
func tuning(mode string) string {
	if mode == "test" {
		return "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
	}
	return "-c max_connections=100"
}
