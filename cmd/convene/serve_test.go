package main

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/pgcluster"
	"github.com/convene/convene/internal/testutil"
)

// TestServeMigratesAnswersAndStops proves `convene serve` migrates an empty database, answers on
// its address, and on a stop signal shuts down cleanly with exit code 0.
func TestServeMigratesAnswersAndStops(t *testing.T) {
	url := testutil.EmptyDBURL(t)
	cleanEnv(t)
	port, err := pgcluster.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	t.Setenv("DATABASE_URL", url)
	t.Setenv("CONVENE_ADDR", addr)
	ctx, stop := context.WithCancel(t.Context())
	defer stop()
	var out, errOut testutil.SyncBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve"}, strings.NewReader(""), &out, &errOut) }()

	testutil.Eventually(t, 30*time.Second, "serve answers /readyz", func() bool {
		select {
		case code := <-done:
			t.Fatalf("serve ended with %d before answering: %s", code, errOut.String())
		default:
		}
		res, err := http.Get("http://" + addr + "/readyz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	})
	store := testutil.Open(t, url, 2)
	if !tableExists(t, store, "meetups") {
		t.Fatal("serve did not migrate the database")
	}
	if !strings.Contains(errOut.String(), "Convene is running at http://"+addr) {
		t.Fatalf("stderr %q does not say where Convene runs", errOut.String())
	}
	if !strings.Contains(out.String(), `"route":"/readyz"`) {
		t.Fatalf("stdout has no JSON request log: %q", out.String())
	}
	stop()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve exited %d after the stop signal: %s", code, errOut.String())
		}
	case <-time.After(shutdownGrace + 5*time.Second):
		t.Fatal("serve did not stop within the shutdown grace")
	}
}
