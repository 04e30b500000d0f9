package handlers_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/smtptest"
	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
)

// gotMail is one delivered message as a reader sees it: recipient, decoded subject and plain text.
type gotMail struct {
	To, Subject, Text string
}

// deliverAll runs the outbox pool against a real SMTP server until want messages arrived.
func deliverAll(t *testing.T, store *models.Store, want int) []gotMail {
	t.Helper()
	srv := smtptest.Start(t)
	pool, err := mailer.NewPool(store, srv.URL(), mailer.Config{PollMin: 5 * time.Millisecond},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = pool.Run(ctx) }()
	srv.WaitCount(t, want, 20*time.Second)
	cancel()
	<-done
	var out []gotMail
	for _, m := range srv.Messages() {
		out = append(out, readMail(t, m.To[0], m.Raw))
	}
	return out
}

// readMail decodes a raw message's subject and its text/plain part.
func readMail(t *testing.T, to string, raw []byte) gotMail {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	return gotMail{To: to, Subject: subject, Text: plainPart(t, msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body)}
}

// plainPart finds the first text/plain part, decoded (multipart decodes quoted-printable itself).
func plainPart(t *testing.T, ct, cte string, body io.Reader) string {
	t.Helper()
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(mt, "multipart/") {
		if mt != "text/plain" {
			return ""
		}
		b, _ := io.ReadAll(body)
		if strings.EqualFold(cte, "base64") {
			b, _ = base64.StdEncoding.DecodeString(strings.NewReplacer("\r", "", "\n", "").Replace(string(b)))
		}
		return string(b)
	}
	mr := multipart.NewReader(body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			return ""
		}
		if s := plainPart(t, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p); s != "" {
			return s
		}
	}
}

// byRecipient indexes delivered mail by address; a second mail to one address fails the test.
func byRecipient(t *testing.T, ms []gotMail) map[string]gotMail {
	t.Helper()
	out := map[string]gotMail{}
	for _, m := range ms {
		if _, dup := out[m.To]; dup {
			t.Fatalf("two mails to %s", m.To)
		}
		out[m.To] = m
	}
	return out
}
