package mailer_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/convene/convene/internal/smtptest"
	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
)

func TestDeliversOverTLSWithAuthFromURL(t *testing.T) {
	for _, implicit := range []bool{false, true} {
		t.Run(fmt.Sprint("implicit=", implicit), func(t *testing.T) {
			r := newRig(t)
			srv, clientTLS := smtptest.StartTLS(t, implicit, "mailer", "s3cret:pw")
			r.smtp = srv
			url := fmt.Sprintf("smtp://mailer:s3cret%%3Apw@%s?tls=required", srv.Addr)
			if implicit {
				url = fmt.Sprintf("smtps://mailer:s3cret%%3Apw@%s", srv.Addr)
			}
			sc, err := mailer.ParseSMTPURL(url)
			if err != nil {
				t.Fatal(err)
			}
			sc.TLSConfig = clientTLS
			ids := r.enqueue(3)
			p, err := mailer.NewPool(r.store, "", fast(), quiet())
			if err == nil {
				p, err = p.WithSMTP(sc)
			}
			if err != nil {
				t.Fatal(err)
			}
			r.run(p)
			if c := r.waitSettled(20 * time.Second); c[models.OutboxSent] != 3 {
				t.Fatalf("outbox %v", c)
			}
			for _, m := range srv.Messages() {
				if !m.TLS || !m.Authed {
					t.Fatalf("message delivered with TLS=%v auth=%v", m.TLS, m.Authed)
				}
			}
			r.wantEachOnce(ids)
		})
	}
}
