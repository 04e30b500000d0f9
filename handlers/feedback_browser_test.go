package handlers_test

import (
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

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/smtptest"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/mailer"
)

// runMailPool delivers the app's outbox to srv until the test ends.
func runMailPool(t *testing.T, a *testutil.App, srv *smtptest.Server) {
	t.Helper()
	pool, err := mailer.NewPool(a.Store, srv.URL(), mailer.Config{PollMin: 5 * time.Millisecond},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = pool.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
}

// deliveredTo returns the decoded text part of the one message srv received for addr with subject.
func deliveredTo(t *testing.T, srv *smtptest.Server, addr, subject string) string {
	t.Helper()
	for _, m := range srv.Messages() {
		msg, err := mail.ReadMessage(strings.NewReader(string(m.Raw)))
		if err != nil {
			t.Fatal(err)
		}
		subj, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if m.To[0] == addr && strings.Contains(subj, subject) {
			return textPart(t, msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body)
		}
	}
	t.Fatalf("no mail to %s about %q", addr, subject)
	return ""
}

// textPart finds the text/plain part of a MIME body and decodes it.
func textPart(t *testing.T, ctype, encoding string, body io.Reader) string {
	t.Helper()
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return ""
			}
			if s := textPart(t, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p); s != "" {
				return s
			}
		}
	}
	if mt != "text/plain" {
		return ""
	}
	switch strings.ToLower(encoding) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// pick clicks the numbered choice of a scale question.
func pick(name, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.CSS("#" + name + "-" + value + " + span"))
}

// TestBrowserFeedbackFromTheMail: the form goes out by itself after the end; a person opens the
// link in the mail the SMTP server received, answers on a phone, sees the thank-you with their
// answers, changes the rating to 2, and the organiser receives the low-rating alert by mail.
func TestBrowserFeedbackFromTheMail(t *testing.T) {
	a := newFeedbackApp(t, 2)
	srv := smtptest.Start(t)
	runMailPool(t, a.App, srv)
	run, err := a.H.RunFeedbackWork(a.ctx)
	if err != nil || run.Meetups != 1 || run.Mailed != 2 {
		t.Fatalf("the scheduled send: %+v %v", run, err)
	}
	srv.WaitCount(t, 2, 20*time.Second)
	text := deliveredTo(t, srv, "f0@example.com", "Two minutes of feedback")
	link := feedbackLinkRe.FindString(text)
	if !strings.HasPrefix(link, a.URL+"/f/") {
		t.Fatalf("no link in the mail:\n%s", text)
	}
	ctx := tab(t)
	do(t, ctx, "open the link from the mail",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(link),
		chromedp.WaitVisible(chromedp.CSS("#submit")),
	)
	if !eval[bool](t, ctx, "document.documentElement.scrollWidth <= window.innerWidth") {
		t.Fatal("the feedback form scrolls sideways on a phone")
	}
	do(t, ctx, "answer",
		pick("rating", "4"), pick("nps", "9"), pick("impact", "3"),
		chromedp.SendKeys(chromedp.CSS("#f-useful"), "The live demo of pgx"),
		chromedp.SendKeys(chromedp.CSS("#f-improve"), "Start on time"),
		chromedp.SendKeys(chromedp.CSS("#f-next_topics"), "Fuzzing, eBPF"),
	)
	testutil.Screenshot(t, ctx, "feedback-form")
	clickAndLoad(t, ctx, "#submit")
	if h := textOf(t, ctx, "#answered"); h != "Thank you!" {
		t.Fatalf("after answering: %q", h)
	}
	for css, want := range map[string]string{"#your-rating": "4/5", "#your-nps": "9/10", "#your-impact": "3/5", "#your-useful": "The live demo of pgx"} {
		wantText(t, ctx, css, want)
	}
	if !eval[bool](t, ctx, "document.documentElement.scrollWidth <= window.innerWidth") {
		t.Fatal("the thank-you page scrolls sideways on a phone")
	}
	testutil.Screenshot(t, ctx, "feedback-thanks")

	clickAndLoad(t, ctx, "#change")
	if !eval[bool](t, ctx, `document.querySelector('#rating-4').checked`) || valueOf(t, ctx, "#f-improve") != "Start on time" {
		t.Fatal("the change form does not show the earlier answer")
	}
	do(t, ctx, "change the rating", pick("rating", "2"))
	clickAndLoad(t, ctx, "#submit")
	wantText(t, ctx, "#your-rating", "2/5")
	wantText(t, ctx, "#your-improve", "Start on time")

	srv.WaitCount(t, 3, 20*time.Second)
	alert := deliveredTo(t, srv, a.User.Email, "Low rating (2/5)")
	if !strings.Contains(alert, "Start on time") || !strings.Contains(alert, "Fan 0 <f0@example.com>") {
		t.Fatalf("the organiser's alert:\n%s", alert)
	}
}
