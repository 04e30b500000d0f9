package handlers_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
)

// TestBrowserMeetupTiming: in Chromium, phone-sized, the organiser changes a scheduled meetup's
// reminders and feedback timing in the edit form's Timing fieldset, sees a field error for a bad
// entry with the input kept, fixes it and finds the new values when the form is opened again.
func TestBrowserMeetupTiming(t *testing.T) {
	e := newRSVPEnv(t, 1, 10)
	ctx := tab(t)
	logIn(t, ctx, e.app)
	edit := e.app.URL + "/meetups/" + e.meetup.ID + "/edit"
	do(t, ctx, "open the edit form on a phone", chromedp.EmulateViewport(375, 800),
		chromedp.Navigate(edit), chromedp.WaitVisible(chromedp.CSS("#timing")))
	if got := valueOf(t, ctx, "#f-reminder_minutes"); got != "24h, 1h" {
		t.Fatalf("reminders show %q, want 24h, 1h", got)
	}
	do(t, ctx, "enter a bad reminder",
		chromedp.SetValue(chromedp.CSS("#f-reminder_minutes"), "48h, tomorrow"),
		chromedp.SetValue(chromedp.CSS("#f-feedback_open_days"), "7"),
		chromedp.Click(chromedp.CSS("#meetup-form button.primary")),
		chromedp.WaitVisible(chromedp.CSS("#e-reminder_minutes")))
	wantText(t, ctx, "#e-reminder_minutes", "Write each reminder as a number with h, m or d, e.g. 24h, 1h.")
	testutil.Screenshot(t, ctx, "meetup-timing-error")
	if got := valueOf(t, ctx, "#f-reminder_minutes"); got != "48h, tomorrow" {
		t.Fatalf("the bad entry came back as %q", got)
	}
	do(t, ctx, "fix it and save",
		chromedp.SetValue(chromedp.CSS("#f-reminder_minutes"), "48h, 30m"),
		chromedp.Click(chromedp.CSS("#meetup-form button.primary")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
		chromedp.Navigate(edit), chromedp.WaitVisible(chromedp.CSS("#timing")))
	if r, d := valueOf(t, ctx, "#f-reminder_minutes"), valueOf(t, ctx, "#f-feedback_open_days"); r != "48h, 30m" || d != "7" {
		t.Fatalf("after saving: reminders %q, open days %q", r, d)
	}
	testutil.Screenshot(t, ctx, "meetup-timing")
}
