// Package testutil gives tests the real parts: a PostgreSQL database per test, the app behind
// httptest, a cookie-aware client and Chromium.
package testutil

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"io/fs"
	"net"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/convene/convene/migrations"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
	"github.com/peterldowns/pgtestdb"
)

// InCI reports whether tests run in CI, where missing parts fail instead of skipping.
func InCI() bool { return os.Getenv("CI") != "" }

// Unavailable skips the test locally and fails it in CI.
func Unavailable(t testing.TB, why string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s (CI is set: this test must run)", why)
	}
	t.Skip(why)
}

// AdminURL is the server the tests create their databases in: DATABASE_URL, else 127.0.0.1:5432.
func AdminURL(t testing.TB) string {
	t.Helper()
	if u := os.Getenv("DATABASE_URL"); u != "" {
		return u
	}
	c, err := net.DialTimeout("tcp", "127.0.0.1:5432", time.Second)
	if err != nil {
		Unavailable(t, "no PostgreSQL: set DATABASE_URL or run tests with `make test` (it starts one)")
	}
	c.Close()
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// pgConfig turns a URL into pgtestdb's configuration.
func pgConfig(t testing.TB, raw string) pgtestdb.Config {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("DATABASE_URL: %v", err)
	}
	pw, _ := u.User.Password()
	q := u.Query()
	if q.Get("sslmode") == "" {
		q.Set("sslmode", "disable")
	}
	return pgtestdb.Config{DriverName: "postgres", Host: u.Hostname(), Port: u.Port(), User: u.User.Username(),
		Password: pw, Database: u.Path[1:], Options: q.Encode(), ForceTerminateConnections: true}
}

// DB returns a Store on a fresh, fully migrated database of its own, dropped after the test.
func DB(t testing.TB) *models.Store {
	t.Helper()
	return Open(t, DBURL(t), 20)
}

// DBURL creates a fresh, fully migrated database for the test and returns its URL.
func DBURL(t testing.TB) string {
	t.Helper()
	return pgtestdb.Custom(t, pgConfig(t, AdminURL(t)), migrator{}).URL()
}

// EmptyDB returns a database with no migrations applied, for migration tests.
func EmptyDB(t testing.TB) *models.Store {
	t.Helper()
	return Open(t, EmptyDBURL(t), 4)
}

// EmptyDBURL creates a fresh database with no migrations applied and returns its URL.
func EmptyDBURL(t testing.TB) string {
	t.Helper()
	return pgtestdb.Custom(t, pgConfig(t, AdminURL(t)), pgtestdb.NoopMigrator{}).URL()
}

// Open connects a Store to url for the length of the test.
func Open(t testing.TB, url string, maxOpen int) *models.Store {
	t.Helper()
	store, err := models.Open(context.Background(), url, models.PoolConfig{MaxOpen: maxOpen, StatementTimeout: 30 * time.Second})
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// migrator builds pgtestdb's template database with Convene's migrations.
type migrator struct{}

// Hash identifies the migrated schema by the migration files' contents.
func (migrator) Hash() (string, error) {
	h := sha256.New()
	err := fs.WalkDir(migrations.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(migrations.FS, p)
		h.Write([]byte(p))
		h.Write(b)
		return err
	})
	return hex.EncodeToString(h.Sum(nil)), err
}

// Migrate applies every migration to the template database.
func (migrator) Migrate(ctx context.Context, db *sql.DB, _ pgtestdb.Config) error {
	s := &models.Store{DB: sqlx.NewDb(db, "postgres")}
	return s.MigrateUp(ctx)
}
