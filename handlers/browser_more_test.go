package handlers_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestBrowserRussianDashboard proves an organiser whose language is Russian logs in and sees the
// dashboard in Russian.
func TestBrowserRussianDashboard(t *testing.T) {
	app := testutil.NewApp(t)
	if err := app.Store.SetUserLang(t.Context(), app.User.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	ctx := tab(t)
	do(t, ctx, "log in",
		chromedp.Navigate(app.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), app.User.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), testutil.Password),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS(".who")),
	)
	if got := textOf(t, ctx, "main h1"); got != "Встречи вашей команды" {
		t.Fatalf("dashboard heading = %q, want it in Russian", got)
	}
	if got := textOf(t, ctx, ".who button"); got != "Выйти" {
		t.Fatalf("log-out button = %q, want Выйти", got)
	}
	lang, err := chromedp.Run(ctx, chromedp.Evaluate[string]("document.documentElement.lang"))
	if err != nil || lang != "ru" {
		t.Fatalf("<html lang> = %q (%v), want ru", lang, err)
	}
	testutil.Screenshot(t, ctx, "dashboard-ru")
}

// TestBrowserPhoneHasNoHorizontalScroll proves the login page and a dashboard with long meetup
// titles fit a phone's width.
func TestBrowserPhoneHasNoHorizontalScroll(t *testing.T) {
	app := testutil.NewApp(t)
	for _, title := range []string{"Observability without the noise: what to keep, what to drop, and why",
		"https://wiki.example.com/engineering/guilds/backend/InternationalisationAndLocalisationWithoutPain"} {
		if _, err := app.Store.CreateMeetup(t.Context(), app.Team.ID, app.User.ID, models.NewMeetup{Title: title,
			Format: "lunch_and_learn", Timezone: "America/Argentina/ComodRivadavia"}); err != nil {
			t.Fatal(err)
		}
	}
	ctx := tab(t)
	const phoneWidth = 360
	fits := func(page string) {
		t.Helper()
		// On a phone Chrome zooms out to fit wide content, which widens innerWidth with it; so the
		// page must fit innerWidth, and innerWidth must still be the phone's width.
		w, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]int](
			"({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"))
		if err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		if w["scroll"] > w["inner"] || w["inner"] > phoneWidth {
			testutil.Screenshot(t, ctx, "phone-"+page+"-overflow")
			t.Fatalf("the %s page is %d px wide in a %d px window on a %d px phone: it scrolls sideways", page, w["scroll"], w["inner"], phoneWidth)
		}
	}
	do(t, ctx, "open the login page on a phone",
		chromedp.EmulateViewport(phoneWidth, 740, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait),
		chromedp.Navigate(app.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
	)
	fits("login")
	testutil.Screenshot(t, ctx, "phone-login")
	do(t, ctx, "log in on a phone",
		chromedp.SendKeys(chromedp.CSS("#email"), app.User.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), testutil.Password),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS(".who")),
	)
	fits("dashboard")
	testutil.Screenshot(t, ctx, "phone-dashboard")
}
