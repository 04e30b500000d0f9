package handlers_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
)

// TestBrowserLineupErrorInView: "Ask them to confirm" with nobody picked brings the page back
// scrolled to the lineup, its button focused and the message beside it on screen.
func TestBrowserLineupErrorInView(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m := a.meetup("Forms", "Go", "Europe/Kyiv")
	slot := a.slot(m, time.Now().Add(72*time.Hour).Truncate(time.Hour))
	for _, name := range []string{"Ada", "Bea", "Cyd", "Dot"} {
		spkAnswered(t, app, a, m, name, "A talk by "+name, slot)
	}
	ctx := tab(t)
	logIn(t, ctx, app)
	do(t, ctx, "send an empty lineup", chromedp.Navigate(app.URL+"/meetups/"+m+"/speakers/compare"),
		chromedp.WaitVisible(chromedp.CSS("#send-lineup")), chromedp.Click(chromedp.CSS("#send-lineup")),
		chromedp.WaitVisible(chromedp.CSS("#e-speakers")))
	wantText(t, ctx, "#e-speakers", "Pick at least one speaker and give them a slot.")
	seen, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]any](`(() => {
		const r = document.querySelector("#e-speakers").getBoundingClientRect();
		return {inView: r.top >= 0 && r.bottom <= window.innerHeight, focused: document.activeElement.id,
			scrolled: window.scrollY > 0, tall: document.documentElement.scrollHeight > window.innerHeight};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if seen["inView"] != true || seen["focused"] != "send-lineup" || (seen["tall"] == true && seen["scrolled"] != true) {
		t.Fatalf("after the refused lineup: %v, want the message on screen and the button focused", seen)
	}
	testutil.Screenshot(t, ctx, "lineup-empty")
}
