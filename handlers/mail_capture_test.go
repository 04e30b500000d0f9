package handlers_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/smtptest"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
)

// capturedMail is one message the test SMTP server received, decoded as a mail client shows it.
type capturedMail struct {
	To, Subject     string
	ReplyTo         string // the Reply-To address, without its name
	Text, HTML, ICS string
	ICSMethod       string // the method= of the text/calendar part
	Shape           []string
}

// startMailDelivery runs a real SMTP server and the outbox workers delivering the app's outbox to
// it, as `serve` does; both stop when the test ends.
func startMailDelivery(t *testing.T, app *testutil.App) *smtptest.Server {
	t.Helper()
	srv := smtptest.Start(t)
	t.Cleanup(runPool(t, app.Store, srv))
	return srv
}

// runPool runs one outbox pool delivering store's outbox to srv until the returned stop is called.
func runPool(t *testing.T, store *models.Store, srv *smtptest.Server) (stop func()) {
	t.Helper()
	pool, err := mailer.NewPool(store, srv.URL(), mailer.Config{PollMin: 5 * time.Millisecond, PollMax: 50 * time.Millisecond},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = pool.Run(ctx) }()
	return func() { cancel(); <-done }
}

// waitMail waits (up to 30 s) for a delivered mail to `to` whose subject contains subject.
func waitMail(t *testing.T, srv *smtptest.Server, to, subject string) capturedMail {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var seen []string
		for _, m := range srv.Messages() {
			if len(m.To) == 0 || !strings.EqualFold(m.To[0], to) {
				continue
			}
			cm := parseCaptured(t, m.Raw)
			if strings.Contains(cm.Subject, subject) {
				return cm
			}
			seen = append(seen, cm.Subject)
		}
		if time.Now().After(deadline) {
			t.Fatalf("no mail to %s with %q in the subject; got %q", to, subject, seen)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// parseCaptured decodes a raw message: its subject and the leaves of its MIME tree.
func parseCaptured(t *testing.T, raw []byte) capturedMail {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("read message: %v\n%s", err, raw)
	}
	subj, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		t.Fatalf("subject: %v", err)
	}
	cm := capturedMail{To: msg.Header.Get("To"), Subject: subj}
	if rt := msg.Header.Get("Reply-To"); rt != "" {
		a, err := mail.ParseAddress(rt)
		if err != nil {
			t.Fatalf("Reply-To %q: %v", rt, err)
		}
		cm.ReplyTo = a.Address
	}
	if err := cm.walk(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body); err != nil {
		t.Fatalf("parse MIME: %v\n%s", err, raw)
	}
	return cm
}

// walk reads one MIME part, recursing into multiparts and keeping the leaves a reader sees.
func (cm *capturedMail) walk(ct, cte string, body io.Reader) error {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return err
	}
	cm.Shape = append(cm.Shape, mt)
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			// multipart.Reader undoes quoted-printable itself and drops the header.
			if err := cm.walk(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p); err != nil {
				return err
			}
		}
	}
	b, err := decodeBody(cte, body)
	if err != nil {
		return err
	}
	switch {
	case mt == "text/plain" && cm.Text == "":
		cm.Text = string(b)
	case mt == "text/html" && cm.HTML == "":
		cm.HTML = string(b)
	case mt == "text/calendar" && cm.ICS == "":
		cm.ICS, cm.ICSMethod = string(b), params["method"]
	}
	return nil
}

// decodeBody undoes a part's transfer encoding.
func decodeBody(cte string, body io.Reader) ([]byte, error) {
	switch strings.ToLower(cte) {
	case "base64":
		return io.ReadAll(base64.NewDecoder(base64.StdEncoding, body))
	case "quoted-printable":
		return io.ReadAll(quotedprintable.NewReader(body))
	}
	return io.ReadAll(body)
}
