package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// clickAndLoad clicks sel and waits until the page it submits or links to has replaced this one.
func clickAndLoad(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	do(t, ctx, "click "+sel,
		chromedp.SetAttributeValue(chromedp.CSS("body"), "data-stale", "1"),
		chromedp.Click(chromedp.CSS(sel)),
		chromedp.WaitNotPresent(chromedp.CSS("body[data-stale]")),
		chromedp.WaitReady(chromedp.CSS("main")),
	)
}

// valueOf reads the value of a form field.
func valueOf(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("value of %s: %v", css, err)
	}
	return v
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// TestBrowserEmployeeVotesChangesAndSeesClosed walks an employee's path on a phone-sized screen.
func TestBrowserEmployeeVotesChangesAndSeesClosed(t *testing.T) {
	a := newSurveyApp(t, 2)
	a.define(t, "Go generics", "SQL performance", "Observability")
	smtp := startMailDelivery(t, a.App)
	a.api(t, "POST", a.surveyPath("/send"), "")
	// The link is the one in the mail the outbox workers delivered to the SMTP server.
	link := a.URL + surveyMailLink(t, a, waitMail(t, smtp, "e1@example.com", "What should “Tech talk” be about?"))
	ctx := tab(t)

	do(t, ctx, "open the survey link",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(link),
		chromedp.WaitVisible(chromedp.CSS("#submit")),
	)
	// the phone's width, not innerWidth: under mobile emulation the layout viewport grows with the page
	if !eval[bool](t, ctx, "document.documentElement.scrollWidth <= 390") {
		t.Fatalf("the survey page scrolls sideways on a phone")
	}
	do(t, ctx, "vote",
		chromedp.Click(chromedp.CSS(`input[value="Go generics"]`)),
		chromedp.Click(chromedp.CSS(`input[value="Observability"]`)),
		chromedp.SendKeys(chromedp.CSS("#f-proposal"), "Fuzzing in CI"),
		chromedp.SendKeys(chromedp.CSS("#f-problems"), "Our test suite takes 40 minutes"),
	)
	testutil.Screenshot(t, ctx, "survey-employee-form")
	clickAndLoad(t, ctx, "#submit")
	if h := textOf(t, ctx, "#answered"); h != "Thank you!" {
		t.Fatalf("after answering: %q", h)
	}
	if got := textOf(t, ctx, "#your-topics"); !strings.Contains(got, "Go generics") || !strings.Contains(got, "Observability") {
		t.Fatalf("thank-you page shows %q", got)
	}
	testutil.Screenshot(t, ctx, "survey-employee-thanks")

	clickAndLoad(t, ctx, "#change")
	if !eval[bool](t, ctx, `document.querySelector('input[value="Go generics"]').checked`) || valueOf(t, ctx, "#f-proposal") != "Fuzzing in CI" {
		t.Fatalf("the change form does not show the earlier answer")
	}
	do(t, ctx, "change the vote",
		chromedp.Click(chromedp.CSS(`input[value="Go generics"]`)),
		chromedp.Click(chromedp.CSS(`input[value="SQL performance"]`)),
	)
	clickAndLoad(t, ctx, "#submit")
	if got := textOf(t, ctx, "#your-topics"); strings.Contains(got, "Go generics") || !strings.Contains(got, "SQL performance") {
		t.Fatalf("after changing: %q", got)
	}
	var res models.SurveyResults
	decode(t, a.api(t, "GET", a.surveyPath("/results"), ""), &res)
	if res.Responses != 1 || res.Topics[0].Votes != 1 || res.Topics[2] != (models.TopicVotes{Topic: "Go generics"}) {
		t.Fatalf("results after the change: %+v", res)
	}

	a.api(t, "POST", a.surveyPath("/close"), "")
	a.api(t, "PUT", "/api/v1/meetups/"+a.meetup.ID+"/topic", `{"topic":"SQL performance"}`)
	do(t, ctx, "come back after the close", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("#closed")))
	if h, topic := textOf(t, ctx, "#closed"), textOf(t, ctx, "#chosen-topic"); h != "This survey is closed" || topic != "SQL performance" {
		t.Fatalf("closed page: %q, topic %q", h, topic)
	}
	testutil.Screenshot(t, ctx, "survey-employee-closed")
	ru := waitMail(t, smtp, "e0@example.com", "О чём будет «Tech talk»?")
	do(t, ctx, "a Russian colleague's link", chromedp.Navigate(a.URL+surveyMailLink(t, a, ru)), chromedp.WaitVisible(chromedp.CSS("#closed")))
	if h := textOf(t, ctx, "#closed"); h != "Этот опрос закрыт" {
		t.Fatalf("Russian closed page: %q", h)
	}
}

// surveyMailLink is the path of the /s/ link in a delivered survey mail, which its HTML part
// (the button) links to as well.
func surveyMailLink(t *testing.T, a *surveyApp, m capturedMail) string {
	t.Helper()
	link := surveyLinkRe.FindString(m.Text)
	if !strings.HasPrefix(link, a.URL+"/s/") || !strings.Contains(m.HTML, `href="`+link+`"`) {
		t.Fatalf("the mail %q has no link to this app in both parts: %q\n%s", m.Subject, link, m.Text)
	}
	return strings.TrimPrefix(link, a.URL)
}
