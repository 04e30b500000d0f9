package mailer_test

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
)

func TestThreeReplicasSendNothingTwice(t *testing.T) {
	r := newRig(t)
	ids := r.enqueue(900)
	cfg := fast()
	cfg.Workers, cfg.Batch = 2, 16
	for range 3 {
		r.start(r.open(), r.smtp.URL(), cfg)
	}
	if c := r.waitSettled(60 * time.Second); c[models.OutboxSent] != 900 {
		t.Fatalf("outbox %v", c)
	}
	r.wantEachOnce(ids)
}

func TestShutdownGivesBackClaimedRows(t *testing.T) {
	r := newRig(t)
	ids := r.enqueue(300)
	cfg := fast()
	cfg.Workers, cfg.Rate = 2, 200
	stop := r.start(r.store, r.smtp.URL(), cfg)
	r.waitFor("some delivered", 20*time.Second, func() bool { return r.smtp.Count() >= 20 })
	stop()
	c := r.counts()
	if c[models.OutboxSending] != 0 || c[models.OutboxSent] != r.smtp.Count() || c[models.OutboxQueued] == 0 {
		t.Fatalf("after a clean stop: outbox %v, smtp %d: want nothing left leased, every delivery marked", c, r.smtp.Count())
	}
	var attempts int
	if err := r.store.DB.GetContext(r.ctx, &attempts, `SELECT coalesce(max(attempts), 0) FROM outbox WHERE status = 'queued'`); err != nil || attempts != 0 {
		t.Fatalf("released rows kept %d attempts (%v)", attempts, err)
	}
	r.start(r.store, r.smtp.URL(), fast())
	r.waitSettled(30 * time.Second)
	r.wantEachOnce(ids)
}

// helperEnv names the variables that make TestHelperPoolProcess run a pool (as a child process).
const helperDB, helperSMTP = "CONVENE_TEST_POOL_DB", "CONVENE_TEST_POOL_SMTP"

// TestHelperPoolProcess is a replica the kill test starts as a child process and kills with SIGKILL.
func TestHelperPoolProcess(t *testing.T) {
	if os.Getenv(helperDB) == "" {
		t.Skip("run by TestKilledReplicaLosesNothing")
	}
	store, err := models.Open(context.Background(), os.Getenv(helperDB), models.PoolConfig{MaxOpen: 4})
	if err != nil {
		t.Fatal(err)
	}
	cfg := fast()
	cfg.Rate, cfg.Lease, cfg.SendTimeout = 300, 2*time.Second, time.Second
	p, err := mailer.NewPool(store, os.Getenv(helperSMTP), cfg, quiet())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // never outlive a lost parent for long
	defer cancel()
	_ = p.Run(ctx) // until killed
}

func TestKilledReplicaLosesNothing(t *testing.T) {
	r := newRig(t)
	ids := r.enqueue(600)
	child := exec.Command(os.Args[0], "-test.run=^TestHelperPoolProcess$")
	child.Env = append(os.Environ(), helperDB+"="+r.url, helperSMTP+"="+r.smtp.URL())
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = child.Process.Kill(); _ = child.Wait() })
	r.waitFor("the child delivering", 30*time.Second, func() bool { return r.smtp.Count() >= 100 })
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = child.Wait() // the cleanup's second Kill and Wait are no-ops
	inFlight := r.counts()[models.OutboxSending]
	if inFlight == 0 {
		t.Fatal("the child was killed with nothing in flight: the test proves nothing")
	}
	r.start(r.store, r.smtp.URL(), fast())
	if c := r.waitSettled(60 * time.Second); c[models.OutboxSent] != 600 {
		t.Fatalf("outbox %v after the kill, want all 600 sent", c)
	}
	got := r.smtp.ByMessageID()
	dups := 0
	for _, id := range ids {
		n := got[r.row(id).MessageID]
		if n == 0 {
			t.Fatalf("message %s lost", id)
		}
		dups += n - 1
	}
	if dups > inFlight {
		t.Fatalf("%d duplicates, more than the %d messages in flight at the kill", dups, inFlight)
	}
	t.Logf("killed with %d in flight: %d duplicates, 0 lost", inFlight, dups)
}
