package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/smtptest"
	"github.com/convene/convene/internal/testutil"
)

// outboxID reads the id and status of the invitation to email.
func (e *rsvpEnv) outboxID(t *testing.T, email string) (id, status string) {
	t.Helper()
	if err := e.app.Store.DB.QueryRow(`SELECT id, status FROM outbox WHERE to_email = $1 AND kind = 'invite'`, email).Scan(&id, &status); err != nil {
		t.Fatal(err)
	}
	return id, status
}

// sendWithOneRejected delivers the env's invitations to a real SMTP server that refuses p1.
func (e *rsvpEnv) sendWithOneRejected(t *testing.T) {
	t.Helper()
	e.inviteAll(t)
	srv := smtptest.Start(t)
	srv.Reject("p1@example.com")
	stop := runPool(t, e.app.Store, srv)
	defer stop()
	srv.WaitCount(t, 1, 20*time.Second)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if _, st := e.outboxID(t, "p1@example.com"); st == "failed" {
			return
		}
	}
	t.Fatal("the refused invitation never failed")
}

// sandboxedFrameText reads the text the page's sandboxed mail frame shows. Chrome runs a
// sandboxed frame in a process of its own, as a target of its own: attach to it.
func sandboxedFrameText(t *testing.T, ctx context.Context) string {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		infos, err := chromedp.Targets(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			if info.Type != "iframe" || info.URL != "about:srcdoc" {
				continue
			}
			fctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
			defer cancel()
			step, stop := context.WithTimeout(fctx, 20*time.Second)
			defer stop()
			text, err := chromedp.Run(step, chromedp.Text(chromedp.CSS("body")))
			if err != nil {
				t.Fatalf("text of the mail frame: %v", err)
			}
			return text
		}
	}
	t.Fatal("no sandboxed mail frame")
	return ""
}

// TestBrowserOutbox: the organiser sees the sent and the refused invitation with their status,
// the refusal's reason, retries it from the list, and reads a message as the recipient sees it
// (HTML, text and the invite's summary).
func TestBrowserOutbox(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	e.sendWithOneRejected(t)
	sent, _ := e.outboxID(t, "p0@example.com")
	failed, _ := e.outboxID(t, "p1@example.com")
	ctx := tab(t)
	do(t, ctx, "log in and open the outbox",
		chromedp.Navigate(e.app.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), e.app.User.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), testutil.Password),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS(".who")),
		chromedp.Navigate(e.app.URL+"/outbox"),
		chromedp.WaitVisible(chromedp.CSS("#m-"+failed)),
	)
	wantText(t, ctx, "#m-"+sent+" .stage", "Sent")
	wantText(t, ctx, "#m-"+failed+" .stage", "Failed")
	wantText(t, ctx, "#m-"+failed+" .reason", "550")
	testutil.Screenshot(t, ctx, "outbox-list")

	do(t, ctx, "retry the refused one",
		chromedp.Click(chromedp.CSS("#m-"+failed+" form button")),
		chromedp.WaitVisible(chromedp.CSS("#m-"+failed+" .status-queued")),
	)
	if _, st := e.outboxID(t, "p1@example.com"); st != "queued" {
		t.Fatalf("after retry the row is %s", st)
	}

	do(t, ctx, "open the sent invitation",
		chromedp.Click(chromedp.CSS("#m-"+sent+" a")),
		chromedp.WaitVisible(chromedp.CSS("iframe.mail-view")),
	)
	wantText(t, ctx, "main h1", "Lunch & learn: Go")
	wantText(t, ctx, "dl.invite", "REQUEST")
	wantText(t, ctx, "dl.invite", "Lunch & learn: Go")
	wantText(t, ctx, "pre.mail-text", "/r/"+e.links[0])
	html, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('iframe.mail-view').srcdoc`))
	if err != nil || !strings.Contains(html, "<html") || !strings.Contains(html, "/r/"+e.links[0]+"?answer=yes") {
		t.Fatalf("the HTML view (%v):\n%.400s", err, html)
	}
	if shown := sandboxedFrameText(t, ctx); !strings.Contains(shown, "Yes, I'll come") || !strings.Contains(shown, "Room 1") {
		t.Fatalf("the HTML frame shows:\n%s", shown)
	}
	do(t, ctx, "scroll to the mail", chromedp.ScrollIntoView(chromedp.CSS("iframe.mail-view")))
	testutil.Screenshot(t, ctx, "outbox-message")
}
