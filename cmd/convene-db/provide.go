package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/convene/convene/internal/pgcluster"
)

// Database is a reachable PostgreSQL and how to release it.
type Database struct {
	URL   string
	Close func()
}

// provide finds a database in the documented order.
func provide(ctx context.Context, mode, dir string) (*Database, error) {
	if u := os.Getenv("DATABASE_URL"); u != "" {
		fmt.Fprintln(os.Stderr, "convene-db: using DATABASE_URL")
		return &Database{URL: u, Close: func() {}}, nil
	}
	if portOpen("127.0.0.1:5432") {
		url := func(db string) string { return "postgres://postgres@127.0.0.1:5432/" + db + "?sslmode=disable" }
		if err := pgcluster.EnsureDatabase(ctx, url("postgres"), "convene"); err == nil {
			fmt.Fprintln(os.Stderr, "convene-db: using the PostgreSQL server on 127.0.0.1:5432")
			return &Database{URL: dbURL(url, mode), Close: func() {}}, nil
		} else {
			fmt.Fprintf(os.Stderr, "convene-db: 127.0.0.1:5432 answers but not as user postgres (%v); starting a private cluster\n", err)
		}
	}
	return startCluster(ctx, mode, dir)
}

// dbURL picks the database: "convene" to run, "postgres" for tests (they create their own).
func dbURL(url func(db string) string, mode string) string {
	if mode == "test" {
		return url("postgres")
	}
	return url("convene")
}

// portOpen reports whether something listens at addr.
func portOpen(addr string) bool {
	if os.Getenv("CONVENE_DB_SKIP_5432") != "" {
		return false
	}
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return false
	}
	c.Close()
	return true
}
