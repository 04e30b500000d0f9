package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
)

// answerInBrowser opens a person's link, picks an answer and sends it, waiting for the result.
func answerInBrowser(t *testing.T, ctx context.Context, u, answer string) {
	t.Helper()
	do(t, ctx, "answer "+answer,
		chromedp.Navigate(u),
		chromedp.WaitVisible(chromedp.CSS("#rsvp-submit")),
		chromedp.Click(chromedp.CSS("#answer-"+answer)),
		chromedp.Click(chromedp.CSS("#rsvp-submit")),
		chromedp.WaitVisible(chromedp.CSS("#rsvp-status strong")),
	)
}

// wantText fails unless the element's text holds want.
func wantText(t *testing.T, ctx context.Context, css, want string) {
	t.Helper()
	if got := textOf(t, ctx, css); !strings.Contains(got, want) {
		t.Fatalf("%s shows %q, want %q", css, got, want)
	}
}

// TestBrowserRSVPSeatAndWaitlist: a person opens their link from the mail, answers yes and gets
// the only seat; the next is waitlisted at 1; when the first says no, the second has the seat.
func TestBrowserRSVPSeatAndWaitlist(t *testing.T) {
	e := newRSVPEnv(t, 3, 1)
	ctx := tab(t)
	before := e.rsvpRows(t)
	do(t, ctx, "open the link from the mail",
		chromedp.EmulateViewport(375, 812),
		chromedp.Navigate(e.app.URL+"/r/"+e.links[0]+"?answer=yes"),
		chromedp.WaitVisible(chromedp.CSS("#rsvp-submit")),
	)
	checked, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#answer-yes').checked`))
	if err != nil || !checked {
		t.Fatalf("yes not preselected (%v)", err)
	}
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if err != nil || wide {
		culprits, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`))
		testutil.Screenshot(t, ctx, "rsvp-phone-wide")
		t.Fatalf("the page scrolls sideways on a phone (%v): %v", err, culprits)
	}
	testutil.Screenshot(t, ctx, "rsvp-phone")
	if after := e.rsvpRows(t); after != before {
		t.Fatal("opening the link recorded something")
	}

	answerInBrowser(t, ctx, e.app.URL+"/r/"+e.links[0], "yes")
	wantText(t, ctx, "#rsvp-outcome", "You're confirmed: a seat is yours.")
	wantText(t, ctx, "#rsvp-seats", "Seats taken: 1 of 1")

	answerInBrowser(t, ctx, e.app.URL+"/r/"+e.links[2], "yes")
	wantText(t, ctx, "#rsvp-outcome", "you are number 1 on the waitlist")
	wantText(t, ctx, "#rsvp-seats", "Seats taken: 1 of 1")
	testutil.Screenshot(t, ctx, "rsvp-waitlisted")

	answerInBrowser(t, ctx, e.app.URL+"/r/"+e.links[0], "no")
	wantText(t, ctx, "#rsvp-outcome", "Thanks for letting us know")

	do(t, ctx, "the waiter looks again",
		chromedp.Navigate(e.app.URL+"/r/"+e.links[2]),
		chromedp.WaitVisible(chromedp.CSS("#rsvp-outcome")),
	)
	wantText(t, ctx, "#rsvp-outcome", "You're confirmed: a seat is yours.")
	if got := textOf(t, ctx, "#rsvp-seats"); got != "Seats taken: 1 of 1" {
		t.Fatalf("seats after the promotion: %q", got)
	}
	testutil.Screenshot(t, ctx, "rsvp-promoted")
}
