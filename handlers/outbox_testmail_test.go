package handlers_test

import (
	"context"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/smtptest"
	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
)

func TestTestMailReachesTheOrganiserOnce(t *testing.T) {
	a := newOutboxApp(t)
	page := a.c.Get(t, "/outbox").Body
	nonce := nonceRe.FindStringSubmatch(page)
	if nonce == nil {
		t.Fatal("no nonce in the test mail form")
	}
	for range 2 { // a double click
		res := a.post(t, page, "/outbox/test", url.Values{"nonce": {nonce[1]}})
		if res.Status != 303 {
			t.Fatalf("send test mail: %d", res.Status)
		}
	}
	if !strings.Contains(a.c.Get(t, "/outbox").Body, "A test mail to you is queued.") {
		t.Error("no confirmation")
	}
	rows, _, err := a.Store.ListOutbox(a.ctx, a.Team.ID, models.OutboxFilter{}, models.Page{})
	if err != nil || len(rows) != 1 || rows[0].Kind != "test" || rows[0].ToEmail != a.User.Email {
		t.Fatalf("outbox after a double click: %+v %v", rows, err)
	}

	srv := smtptest.Start(t)
	pool, err := mailer.NewPool(a.Store, srv.URL(), mailer.Config{PollMin: 5 * time.Millisecond},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(a.ctx)
	done := make(chan struct{})
	go func() { defer close(done); _ = pool.Run(ctx) }()
	defer func() { cancel(); <-done }()
	srv.WaitCount(t, 1, 10*time.Second)
	m := srv.Messages()[0]
	if m.To[0] != a.User.Email || !strings.Contains(string(m.Raw), "Subject: Convene test mail") ||
		!strings.Contains(string(m.Raw), "Message-ID: <"+rows[0].ID+"@127.0.0.1>") {
		t.Fatalf("delivered to %v:\n%s", m.To, m.Raw)
	}
}
