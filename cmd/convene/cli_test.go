package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// settings are every environment variable convene reads; tests start with all of them unset.
var settings = []string{"DATABASE_URL", "CONVENE_ADDR", "CONVENE_BASE_URL", "CONVENE_SECRET", "SMTP_URL",
	"CONVENE_MAIL_FROM", "CONVENE_WORKERS", "CONVENE_MAIL_RATE", "CONVENE_BODY_LIMIT", "CONVENE_TRUSTED_PROXIES",
	"CONVENE_DB_MAX_CONNS", "CONVENE_LOG_LEVEL"}

// cleanEnv unsets every setting for the test (t.Setenv restores them afterwards).
func cleanEnv(t *testing.T) {
	t.Helper()
	for _, k := range settings {
		t.Setenv(k, "")
	}
}

// useDB gives the test a fresh migrated database, points DATABASE_URL at it and returns a Store on it.
func useDB(t *testing.T) *models.Store {
	t.Helper()
	url := testutil.DBURL(t) // before cleanEnv: it may need DATABASE_URL to find the server
	cleanEnv(t)
	t.Setenv("DATABASE_URL", url)
	return testutil.Open(t, url, 4)
}

// result is what a command printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

// convene runs the command line with stdin and returns what it printed.
func convene(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	var out, errOut bytes.Buffer
	code := run(ctx, args, strings.NewReader(stdin), &out, &errOut)
	r := result{code: code, stdout: out.String(), stderr: errOut.String()}
	for _, s := range []string{"panic", "goroutine "} {
		if strings.Contains(r.stdout+r.stderr, s) {
			t.Fatalf("convene %v printed %q:\n%s%s", args, s, r.stdout, r.stderr)
		}
	}
	return r
}

// TestUsage proves a missing or unknown command shows the usage with exit code 2.
func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}} {
		r := convene(t, "", args...)
		if r.code != 2 || !strings.Contains(r.stderr, "convene user create --email E") {
			t.Errorf("convene %v: exit %d, stderr %q; want 2 and the usage", args, r.code, r.stderr)
		}
	}
	if r := convene(t, "", "help"); r.code != 0 || !strings.Contains(r.stdout, "convene migrate") {
		t.Errorf("convene help: exit %d, stdout %q", r.code, r.stdout)
	}
}
