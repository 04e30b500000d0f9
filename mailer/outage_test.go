package mailer_test

import (
	"net"
	"strings"
	"testing"
	"time"
)

func TestUnreachableServerPausesWorkers(t *testing.T) {
	r := newRig(t)
	ids := r.enqueue(200)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "smtp://" + l.Addr().String()
	l.Close() // nothing listens there now: connections are refused
	stop := r.start(r.store, dead, fast())
	r.waitFor("a retry recorded", 10*time.Second, func() bool { return r.attempts() > 0 })
	time.Sleep(1500 * time.Millisecond) // the window whose attempts are counted, not a wait for a result
	stop()
	if n := r.attempts(); n > 3*4 {
		t.Fatalf("%d attempts in 1.5 s against a refusing server: the workers churn through the queue", n)
	}
	for _, id := range ids {
		if row := r.row(id); row.Status != "queued" {
			t.Fatalf("row %s is %s during an outage, want queued", id, row.Status)
		}
	}
	var reason string
	if err := r.store.DB.GetContext(r.ctx, &reason, `SELECT last_error FROM outbox WHERE attempts > 0 LIMIT 1`); err != nil ||
		!strings.Contains(reason, "cannot reach the SMTP server") {
		t.Fatalf("reason %q (%v)", reason, err)
	}
}

// attempts sums the attempts of every row.
func (r *rig) attempts() int {
	r.t.Helper()
	var n int
	if err := r.store.DB.GetContext(r.ctx, &n, `SELECT coalesce(sum(attempts), 0) FROM outbox`); err != nil {
		r.t.Fatal(err)
	}
	return n
}
