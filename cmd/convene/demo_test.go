package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/convene/convene/demo"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

var passwordLine = regexp.MustCompile(`(?m)^\s*password:\s*(\S+)\s*$`)

// demoPassword runs `convene demo` and returns the password it printed.
func demoPassword(t *testing.T) string {
	t.Helper()
	r := convene(t, "", "demo")
	if r.code != 0 {
		t.Fatalf("demo: exit %d, %q", r.code, r.stderr)
	}
	m := passwordLine.FindStringSubmatch(r.stdout)
	if m == nil || !strings.Contains(r.stdout, "email:    "+demo.AdminEmail) || !strings.Contains(r.stdout, "/login") {
		t.Fatalf("demo did not print how to log in:\n%s", r.stdout)
	}
	return m[1]
}

// TestDemoTwice proves `convene demo` can be run again: the same data, no duplicates, and the
// password it printed last logs in to the dashboard.
func TestDemoTwice(t *testing.T) {
	store := useDB(t)
	first := demoPassword(t)
	people, meetups := demoCounts(t, store)
	second := demoPassword(t)
	if p, m := demoCounts(t, store); p != people || m != meetups {
		t.Fatalf("second run: %d people, %d meetups; first run: %d, %d", p, m, people, meetups)
	}
	csv, err := os.ReadFile("../../demo/people-sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	if want := bytes.Count(bytes.TrimSpace(csv), []byte("\n")); people != want || meetups < 3 {
		t.Fatalf("%d people (want %d from the sample), %d meetups (want at least 3)", people, want, meetups)
	}

	app := testutil.Serve(t, store, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if first != second {
		if res := app.Client().Login(t, demo.AdminEmail, first); res.Status != http.StatusUnprocessableEntity {
			t.Fatalf("the replaced password still logs in: %d", res.Status)
		}
	}
	c := app.Client()
	if res := c.Login(t, demo.AdminEmail, second); res.Status != http.StatusSeeOther {
		t.Fatalf("the printed password does not log in: %d", res.Status)
	}
	res := c.Get(t, "/")
	if res.Status != http.StatusOK || !strings.Contains(res.Body, "Observability without the noise") {
		t.Fatalf("dashboard after demo login: %d\n%s", res.Status, res.Body)
	}
}

// demoCounts counts the demo team's people and meetups.
func demoCounts(t *testing.T, s *models.Store) (people, meetups int) {
	t.Helper()
	tm, err := s.EnsureTeam(t.Context(), demo.TeamName)
	if err != nil {
		t.Fatal(err)
	}
	if people, err = s.CountPeople(t.Context(), tm.ID); err != nil {
		t.Fatal(err)
	}
	items, _, err := s.ListMeetups(t.Context(), tm.ID, models.Page{Limit: models.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	return people, len(items)
}
