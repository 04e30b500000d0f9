package handlers_test

import (
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
)

// deliverAll delivers the app's outbox to a real SMTP server until want messages arrived, and
// reads each as a mail client shows it, addressed by its envelope recipient.
func deliverAll(t *testing.T, app *testutil.App, want int) []capturedMail {
	t.Helper()
	srv := startMailDelivery(t, app)
	srv.WaitCount(t, want, 20*time.Second)
	var out []capturedMail
	for _, m := range srv.Messages() {
		cm := parseCaptured(t, m.Raw)
		cm.To = m.To[0]
		out = append(out, cm)
	}
	return out
}

// byRecipient indexes delivered mail by address; a second mail to one address fails the test.
func byRecipient(t *testing.T, ms []capturedMail) map[string]capturedMail {
	t.Helper()
	out := map[string]capturedMail{}
	for _, m := range ms {
		if _, dup := out[m.To]; dup {
			t.Fatalf("two mails to %s", m.To)
		}
		out[m.To] = m
	}
	return out
}
