package main

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	_ "github.com/lib/pq"
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
		base := "postgres://postgres@127.0.0.1:5432/%s?sslmode=disable"
		if err := ensureDatabase(ctx, fmt.Sprintf(base, "postgres"), "convene"); err == nil {
			fmt.Fprintln(os.Stderr, "convene-db: using the PostgreSQL server on 127.0.0.1:5432")
			return &Database{URL: dbURL(base, mode), Close: func() {}}, nil
		} else {
			fmt.Fprintf(os.Stderr, "convene-db: 127.0.0.1:5432 answers but not as user postgres (%v); starting a private cluster\n", err)
		}
	}
	return startCluster(ctx, mode, dir)
}

// dbURL picks the database: "convene" to run, "postgres" for tests (they create their own).
func dbURL(base, mode string) string {
	if mode == "test" {
		return fmt.Sprintf(base, "postgres")
	}
	return fmt.Sprintf(base, "convene")
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

// ensureDatabase creates database name if it does not exist.
func ensureDatabase(ctx context.Context, adminURL, name string) error {
	db, err := sql.Open("postgres", adminURL)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	var exists bool
	if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	_, err = db.ExecContext(ctx, `CREATE DATABASE `+quoteIdent(name))
	if err != nil && strings.Contains(err.Error(), "already exists") {
		return nil
	}
	return err
}

// quoteIdent quotes a SQL identifier.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// freePort asks the kernel for an unused TCP port on loopback.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
