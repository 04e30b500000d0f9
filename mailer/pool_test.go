package mailer_test

import (
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

func TestPoolDeliversEachMessageOnce(t *testing.T) {
	r := newRig(t)
	ids := r.enqueue(1000)
	r.start(r.store, r.smtp.URL(), fast())
	c := r.waitSettled(60 * time.Second)
	if c[models.OutboxSent] != 1000 {
		t.Fatalf("outbox %v, want 1000 sent", c)
	}
	r.wantEachOnce(ids)
	if n := r.smtp.Conns(); n > 4 {
		t.Fatalf("%d SMTP connections for 4 workers: sessions are not reused", n)
	}
	m := r.smtp.Messages()[0]
	if !strings.Contains(string(m.Raw), "Message-ID: <") || len(m.To) != 1 {
		t.Fatalf("first message: to %v\n%s", m.To, m.Raw)
	}
}

func TestPoolRetriesTemporaryFailures(t *testing.T) {
	r := newRig(t)
	ids := r.enqueue(200)
	r.smtp.TempFail(300)
	r.start(r.store, r.smtp.URL(), fast())
	c := r.waitSettled(60 * time.Second)
	if c[models.OutboxSent] != 200 {
		t.Fatalf("outbox %v, want all 200 sent after the 451s", c)
	}
	r.wantEachOnce(ids)
	retried := 0
	for _, id := range ids {
		if r.row(id).Attempts > 1 {
			retried++
		}
	}
	if retried == 0 {
		t.Fatal("no message needed a second attempt: the 451s were not seen")
	}
}

func TestPoolFailsOnlyTheRejectedRecipient(t *testing.T) {
	r := newRig(t)
	ids := r.enqueue(100)
	r.smtp.Reject(addr(50))
	r.start(r.store, r.smtp.URL(), fast())
	c := r.waitSettled(30 * time.Second)
	if c[models.OutboxSent] != 99 || c[models.OutboxFailed] != 1 {
		t.Fatalf("outbox %v, want 99 sent and 1 failed", c)
	}
	bad := r.row(ids[50])
	if bad.Status != models.OutboxFailed || !strings.Contains(bad.LastError, "550") ||
		!strings.Contains(bad.LastError, "mailbox unavailable") || bad.Attempts != 1 {
		t.Fatalf("rejected row: %s after %d attempts, %q", bad.Status, bad.Attempts, bad.LastError)
	}
	r.wantEachOnce(append(ids[:50:50], ids[51:]...))
}

func TestPoolKeepsSendingWhileOneSessionHangs(t *testing.T) {
	r := newRig(t)
	ids := r.enqueue(60)
	r.smtp.Hang(addr(0), 1)
	cfg := fast()
	cfg.SendTimeout = 3 * time.Second
	r.start(r.store, r.smtp.URL(), cfg)
	r.waitFor("the other 59 delivered", 20*time.Second, func() bool { return r.smtp.Count() >= 59 })
	if st := r.row(ids[0]).Status; st != models.OutboxSending {
		t.Fatalf("hanging message is %s before its timeout", st)
	}
	r.waitSettled(30 * time.Second)
	hung := r.row(ids[0])
	if hung.Status != models.OutboxSent || hung.Attempts != 2 {
		t.Fatalf("hung message: %s after %d attempts", hung.Status, hung.Attempts)
	}
	r.wantEachOnce(ids)
}

func TestPoolResendsDroppedMessageWithSameID(t *testing.T) {
	r := newRig(t)
	ids := r.enqueue(5)
	r.smtp.DropBeforeOK(1)
	r.start(r.store, r.smtp.URL(), fast())
	if c := r.waitSettled(30 * time.Second); c[models.OutboxSent] != 5 {
		t.Fatalf("outbox %v", c)
	}
	dropped := r.smtp.Dropped()
	if len(dropped) != 1 || dropped[0].MessageID == "" {
		t.Fatalf("dropped %+v", dropped)
	}
	if got := r.smtp.ByMessageID()[dropped[0].MessageID]; got != 1 {
		t.Fatalf("dropped message %s resent %d times, want once with the same Message-ID", dropped[0].MessageID, got)
	}
	r.wantEachOnce(ids)
}
