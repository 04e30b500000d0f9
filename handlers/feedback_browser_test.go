package handlers_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
)

// pick clicks the numbered choice of a scale question.
func pick(name, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.CSS("#" + name + "-" + value + " + span"))
}

// TestBrowserFeedbackFromTheMail: the form goes out by itself after the end; a person opens the
// link in the mail the SMTP server received, answers on a phone, sees the thank-you with their
// answers, changes the rating to 2, and the organiser receives the low-rating alert by mail.
func TestBrowserFeedbackFromTheMail(t *testing.T) {
	a := newFeedbackApp(t, 2)
	srv := startMailDelivery(t, a.App)
	run, err := a.H.RunFeedbackWork(a.ctx)
	if err != nil || run.Meetups != 1 || run.Mailed != 2 {
		t.Fatalf("the scheduled send: %+v %v", run, err)
	}
	text := waitMail(t, srv, "f0@example.com", "Two minutes of feedback").Text
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
	// the phone's width, not innerWidth: under mobile emulation the layout viewport grows with the page
	if !eval[bool](t, ctx, "document.documentElement.scrollWidth <= 390") {
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
	// the phone's width, not innerWidth: under mobile emulation the layout viewport grows with the page
	if !eval[bool](t, ctx, "document.documentElement.scrollWidth <= 390") {
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

	alert := waitMail(t, srv, a.User.Email, "Low rating (2/5)").Text
	if !strings.Contains(alert, "Start on time") || !strings.Contains(alert, "Fan 0 <f0@example.com>") {
		t.Fatalf("the organiser's alert:\n%s", alert)
	}
}
