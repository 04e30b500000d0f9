package handlers_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
)

// texts returns the text of every element matching css, in document order.
func texts(t *testing.T, ctx context.Context, css string) []string {
	t.Helper()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(`+quoteJS(css)+`)].map(e => e.textContent.trim())`))
	if err != nil {
		t.Fatalf("texts of %s: %v", css, err)
	}
	return out
}

// wantTexts fails unless the elements matching css show exactly want.
func wantTexts(t *testing.T, ctx context.Context, css string, want ...string) {
	t.Helper()
	if got := texts(t, ctx, css); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Fatalf("%s shows %q, want %q", css, got, want)
	}
}

// funnelNums are the numbers the funnel of reportFixture prints: 4 of the 6 who said yes came
// (66.7 %), with 1 walk-in 5 attended, and 4 answered the form.
var funnelNums = []string{"9", "6 · 66.7% of invited", "4 · 66.7% of the yes", "1", "5", "4 · 80% of those who came"}

// wantInside fails unless every text of the chart at css is drawn inside its picture: a printed
// value with its rate is not cut off at the right.
func wantInside(t *testing.T, ctx context.Context, css string) {
	t.Helper()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => { const svg = document.querySelector(`+quoteJS(css+" svg")+`);
		const box = svg.getBoundingClientRect();
		return [...svg.querySelectorAll("text")].filter(x => x.getBoundingClientRect().right > box.right + 0.5).map(x => x.textContent); })()`))
	if err != nil || len(out) > 0 {
		testutil.Screenshot(t, ctx, "chart-cut")
		t.Fatalf("%s: texts cut off at the right %q (%v)", css, out, err)
	}
}

// TestBrowserReportShowsTheNumbers opens the report of reportFixture from the meetup's pipeline
// and reads the numbers printed beside the bars, then the printable view.
func TestBrowserReportShowsTheNumbers(t *testing.T) {
	e := newReportEnv(t)
	m := reportFixture(e)
	ctx := tab(t)
	logIn(t, ctx, e.App)
	do(t, ctx, "open the meetup", chromedp.Navigate(e.URL+"/meetups/"+m.ID), chromedp.WaitVisible(chromedp.CSS("#step-report-link")))
	do(t, ctx, "open the report", chromedp.Click(chromedp.CSS("#step-report-link")), chromedp.WaitVisible(chromedp.CSS("#funnel-chart")))

	wantTexts(t, ctx, "#funnel-chart text.label", "Invited", "Said yes", "Came after a yes", "Walk-ins", "Attended in all", "Answered the form")
	wantTexts(t, ctx, "#funnel-chart text.num", funnelNums...)
	wantInside(t, ctx, "#funnel-chart")
	wantTexts(t, ctx, "#rating-chart text.num", "1 · 25%", "2 · 50%", "0 · 0%", "1 · 25%", "0 · 0%")
	wantTexts(t, ctx, "#nps-chart text.num", "2 · 50%", "1 · 25%", "1 · 25%")
	wantTexts(t, ctx, "#kpis strong", "5", "3.75", "+25", "3.67")
	wantTexts(t, ctx, "#topics li strong", "Fuzzing", "Generics in depth", "Profiling")
	if n := len(texts(t, ctx, "#comments tr.comment button.flag")); n != 3 {
		t.Fatalf("%d flag buttons, want 3", n)
	}
	testutil.Screenshot(t, ctx, "report")

	do(t, ctx, "printable view", chromedp.Click(chromedp.CSS("#print-link")), chromedp.WaitVisible(chromedp.CSS("#funnel-chart")))
	if n := len(texts(t, ctx, "header nav, button, form, #print-link")); n != 0 {
		t.Fatalf("the printable view shows %d navigation elements or buttons", n)
	}
	wantTexts(t, ctx, "#funnel-chart text.num", funnelNums...)
	testutil.Screenshot(t, ctx, "report-print")
}

// TestBrowserSeriesTrend shows a fading series with its warning and numbers, and a healthy one without.
func TestBrowserSeriesTrend(t *testing.T) {
	e := newReportEnv(t)
	fading, healthy := e.series("Fading", fadingSpecs), e.series("Healthy", healthySpecs)
	ctx := tab(t)
	logIn(t, ctx, e.App)
	do(t, ctx, "reports page", chromedp.Navigate(e.URL+"/reports"), chromedp.WaitVisible(chromedp.CSS("#series-link")))
	do(t, ctx, "series list", chromedp.Click(chromedp.CSS("#series-link")), chromedp.WaitVisible(chromedp.CSS("#series-list")))
	do(t, ctx, "fading series", chromedp.Click(chromedp.CSS(`a[href="/series/`+fading+`"]`)), chromedp.WaitVisible(chromedp.CSS("#attendance-chart")))
	wantText(t, ctx, "#fading-warning h2", "This series is fading")
	wantText(t, ctx, "#fading-attendance", "drew 19 people, against 33")
	wantTexts(t, ctx, "#attendance-chart text.num", "10", "12", "11", "8", "6", "5")
	wantTexts(t, ctx, "#repeat-chart text.num", "0%", "41.7%", "63.6%", "75%", "50%", "0%")
	wantTexts(t, ctx, "#rating-trend-chart text.num", "4.33", "4", "4", "3.5", "3", "2.5")
	testutil.Screenshot(t, ctx, "series-fading")

	do(t, ctx, "healthy series", chromedp.Navigate(e.URL+"/series/"+healthy), chromedp.WaitVisible(chromedp.CSS("#attendance-chart")))
	if n := len(texts(t, ctx, "#fading-warning")); n != 0 {
		t.Fatal("a healthy series shows the fading warning")
	}
	wantText(t, ctx, "#series-healthy", "holds its audience")
	wantTexts(t, ctx, "#attendance-chart text.num", "8", "9", "10", "10", "11", "12")
	testutil.Screenshot(t, ctx, "series-healthy")
}

// TestBrowserCelebrate celebrates a meetup through the form: a bad link comes back with its field
// error and the text kept; then the celebration lands on the report with the retrospective, and
// the form is closed.
func TestBrowserCelebrate(t *testing.T) {
	c := newCelebrated(t)
	ctx := tab(t)
	logIn(t, ctx, c.App)
	do(t, ctx, "open the meetup", chromedp.Navigate(c.URL+"/meetups/"+c.m.ID), chromedp.WaitVisible(chromedp.CSS("#step-celebrate-link")))
	do(t, ctx, "open the form", chromedp.Click(chromedp.CSS("#step-celebrate-link")), chromedp.WaitVisible(chromedp.CSS("#celebrate-form")))
	wantText(t, ctx, "#celebrate-speakers", "2")
	wantText(t, ctx, "#celebrate-attendees", "4")
	do(t, ctx, "fill in with a bad link",
		chromedp.SendKeys(chromedp.CSS("#f-worked"), "Short talks, long questions"),
		chromedp.SendKeys(chromedp.CSS("#f-recap_links-0"), "slides.example.com/obs"),
		chromedp.Click(chromedp.CSS("#celebrate-submit")),
		chromedp.WaitVisible(chromedp.CSS("#e-recap_links-0")))
	wantText(t, ctx, "#e-recap_links-0", "Enter a full link starting with https://.")
	if v := valueOf(t, ctx, "#f-worked"); v != "Short talks, long questions" {
		t.Fatalf("the refused form lost the text: %q", v)
	}
	testutil.Screenshot(t, ctx, "celebrate-bad-link")
	if n := c.outboxCount("recap"); n != 0 {
		t.Fatalf("a refused form queued %d recaps", n)
	}
	do(t, ctx, "fix the link and celebrate",
		chromedp.SetValue(chromedp.CSS("#f-recap_links-0"), "https://slides.example.com/obs"),
		chromedp.Click(chromedp.CSS("#celebrate-submit")),
		chromedp.WaitVisible(chromedp.CSS("#retro-worked")))
	wantText(t, ctx, "#retro-worked", "Short talks, long questions")
	wantText(t, ctx, "#retro-links", "https://slides.example.com/obs")
	wantText(t, ctx, ".flash", "Celebrated")
	testutil.Screenshot(t, ctx, "celebrated-report")
	if n, s := c.outboxCount("recap"), c.outboxCount("speaker_thanks"); n != 4 || s != 2 {
		t.Fatalf("outbox: %d recaps, %d thank-yous", n, s)
	}
	do(t, ctx, "the form again", chromedp.Navigate(c.URL+"/meetups/"+c.m.ID+"/celebrate"), chromedp.WaitVisible(chromedp.CSS("#celebrate-closed")))
	wantText(t, ctx, "#celebrate-closed", "already celebrated")
}
