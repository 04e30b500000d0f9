package handlers_test

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/pgcluster"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// startCluster starts a throwaway PostgreSQL for this test only, with a migrated database "convene".
func startCluster(t *testing.T) (*pgcluster.Cluster, *models.Store) {
	t.Helper()
	c, err := pgcluster.Start(t.Context(), pgcluster.Options{Tuning: "-c fsync=off -c synchronous_commit=off", Output: t.Output()})
	if errors.Is(err, pgcluster.ErrNoBinaries) {
		testutil.Unavailable(t, err.Error())
	}
	if err != nil {
		t.Fatalf("start a throwaway cluster: %v", err)
	}
	t.Cleanup(c.Close)
	if err := pgcluster.EnsureDatabase(t.Context(), c.URL("postgres"), "convene"); err != nil {
		t.Fatal(err)
	}
	store := testutil.Open(t, c.URL("convene"), 4)
	if err := store.MigrateUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	return c, store
}

// TestReadinessFollowsTheDatabase proves that while the database is down /readyz says 503 and
// requests get a clear 503 (JSON in the API, a page in the UI), and that when it is back the same
// running app recovers by itself.
func TestReadinessFollowsTheDatabase(t *testing.T) {
	cluster, store := startCluster(t)
	var logs testutil.SyncBuffer
	app := testutil.Serve(t, store, slog.New(slog.NewJSONHandler(&logs, nil)))
	app.Team, app.User = app.AddUser(t, "Ops", "ops@example.com", models.RoleOrganiser)
	token := app.Token(t, app.User.Email)
	api, ui := app.Client(), loggedIn(t, app)
	working := func() bool {
		return api.Get(t, "/readyz").Status == http.StatusOK &&
			api.Get(t, "/api/v1/meetups", bearer(token)...).Status == http.StatusOK &&
			ui.Get(t, "/").Status == http.StatusOK
	}
	if !working() {
		t.Fatal("the app does not work before the outage")
	}

	if err := cluster.Stop(); err != nil {
		t.Fatal(err)
	}
	if res := api.Get(t, "/readyz"); res.Status != http.StatusServiceUnavailable {
		t.Fatalf("/readyz with the database down: %d %s", res.Status, res.Body)
	}
	if res := api.Get(t, "/healthz"); res.Status != http.StatusOK {
		t.Fatalf("/healthz with the database down: %d (the process is up)", res.Status)
	}
	apiError(t, "API with the database down", api.Get(t, "/api/v1/meetups", bearer(token)...), http.StatusServiceUnavailable, "unavailable")
	errorPage(t, "dashboard with the database down", ui.Get(t, "/"), http.StatusServiceUnavailable, "briefly unavailable")
	errorPage(t, "login page with the database down", app.Client().Get(t, "/login"), http.StatusServiceUnavailable, "briefly unavailable")

	if err := cluster.Start(); err != nil {
		t.Fatal(err)
	}
	testutil.Eventually(t, 30*time.Second, "the app works again after the database is back", working)
	if strings.Contains(logs.String(), token) {
		t.Fatal("the API token is in the log")
	}
}
