package handlers_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/convene/convene/handlers"
	"github.com/convene/convene/internal/testutil"
)

// TestHealthAndReadiness proves /healthz and /readyz answer 200 while the database is up.
func TestHealthAndReadiness(t *testing.T) {
	app := testutil.NewApp(t)
	c := app.Client()
	if res := c.Get(t, "/healthz"); res.Status != http.StatusOK || !strings.Contains(res.Body, `"ok"`) {
		t.Fatalf("/healthz: %d %s", res.Status, res.Body)
	}
	if res := c.Get(t, "/readyz"); res.Status != http.StatusOK || !strings.Contains(res.Body, `"ready"`) {
		t.Fatalf("/readyz: %d %s", res.Status, res.Body)
	}
}

// TestMetrics proves /metrics exposes request latency by route, Go runtime and database pool metrics.
func TestMetrics(t *testing.T) {
	app := testutil.NewApp(t)
	c := app.Client()
	c.Get(t, "/healthz")
	c.Get(t, "/s/SECRETTOKEN")
	res := c.Get(t, "/metrics")
	if res.Status != http.StatusOK {
		t.Fatalf("/metrics: %d", res.Status)
	}
	for _, want := range []string{
		`convene_http_request_duration_seconds_bucket{method="GET",route="/healthz",status="200"`,
		`convene_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"} 1`,
		"go_goroutines ", "go_memstats_alloc_bytes ",
		`go_sql_open_connections{db_name="convene"}`, `go_sql_max_open_connections{db_name="convene"} 20`,
		`go_sql_wait_count_total{db_name="convene"}`,
	} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(res.Body, "SECRETTOKEN") {
		t.Error("/metrics labels a request by its raw path, token included")
	}
}

// TestUnknownRoutes proves an unknown page is a friendly 404 page, and an unknown API route a 404 JSON.
func TestUnknownRoutes(t *testing.T) {
	app := testutil.NewApp(t)
	c := app.Client()
	errorPage(t, "unknown page", c.Get(t, "/no/such/page"), http.StatusNotFound, "Page not found")
	errorPage(t, "unknown page in Russian", c.Get(t, "/no/such/page", "Accept-Language", "ru"), http.StatusNotFound, "Страница не найдена")
	token := app.Token(t, app.User.Email)
	apiError(t, "unknown API route", c.Get(t, "/api/v1/no-such-thing", bearer(token)...), http.StatusNotFound, "not_found")
	apiError(t, "unknown API version", c.Get(t, "/api/v2/meetups"), http.StatusNotFound, "not_found")
	errorPage(t, "unknown link token", c.Get(t, "/s/unknown-token"), http.StatusNotFound, "Page not found")
}

// TestLogsNeverHoldLinkTokens proves request logs name the route, never a raw path or query that
// may carry a personal token.
func TestLogsNeverHoldLinkTokens(t *testing.T) {
	store := testutil.DB(t)
	var logs testutil.SyncBuffer
	h, err := handlers.New(store, slog.New(slog.NewJSONHandler(&logs, nil)), handlers.Config{BaseURL: "http://convene.test", BodyLimit: "1M"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h.NewServer())
	t.Cleanup(srv.Close)
	c := &testutil.Client{HTTP: srv.Client(), Base: srv.URL}
	c.HTTP.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c.Get(t, "/s/SECRETTOKEN")
	c.Do(t, http.MethodPost, "/r/SECRETTOKEN", "application/x-www-form-urlencoded", strings.NewReader("answer=yes"))
	c.Get(t, "/r/SECRETTOKEN/invite.ics?t=SECRETTOKEN")
	c.Get(t, "/cal/SECRETTOKEN.ics")
	c.Get(t, "/api/v1/meetups/SECRETTOKEN", "Authorization", "Bearer cvn_SECRETTOKEN")
	c.Get(t, "/meetups/SECRETTOKEN?next=SECRETTOKEN")
	out := logs.String()
	if n := strings.Count(out, `"msg":"request"`); n != 6 {
		t.Fatalf("%d request log lines for 6 requests:\n%s", n, out)
	}
	if strings.Contains(out, "SECRETTOKEN") {
		t.Fatalf("the log holds a token:\n%s", out)
	}
}
