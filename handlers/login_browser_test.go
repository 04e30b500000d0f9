package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
)

// textOf reads the visible text of the first element matching css.
func textOf(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("text of %s: %v", css, err)
	}
	return s
}

// do runs browser steps or fails the test.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// TestBrowserLoginDashboardLogout walks the organiser's first minute in a real browser.
func TestBrowserLoginDashboardLogout(t *testing.T) {
	app := testutil.NewApp(t)
	ctx := tab(t)

	do(t, ctx, "wrong password",
		chromedp.Navigate(app.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), app.User.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), "not the password"),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS("#login-error")),
	)
	if got := textOf(t, ctx, "#login-error"); !strings.Contains(got, "Email or password is incorrect") {
		t.Fatalf("wrong password shows %q", got)
	}
	testutil.Screenshot(t, ctx, "login-wrong-password")

	do(t, ctx, "log in",
		chromedp.SetValue(chromedp.CSS("#password"), testutil.Password),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS(".who")),
	)
	if got := textOf(t, ctx, "main h1"); got != "Your team's meetups" {
		t.Fatalf("dashboard heading = %q", got)
	}
	testutil.Screenshot(t, ctx, "dashboard")

	do(t, ctx, "log out",
		chromedp.Click(chromedp.CSS(".who button")),
		chromedp.WaitVisible(chromedp.CSS("#email")),
	)
	if got := textOf(t, ctx, ".flash"); !strings.Contains(got, "logged out") {
		t.Fatalf("after logout: %q", got)
	}
}
