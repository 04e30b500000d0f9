package handlers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
)

// linesOf counts the lines the text of each element matching css takes (a word broken across two
// lines counts two).
func linesOf(t *testing.T, ctx context.Context, css string) []int {
	t.Helper()
	js := `[...document.querySelectorAll(` + quoteJS(css) + `)].map(e => { const r = document.createRange();
		r.selectNodeContents(e); return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size; })`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](js))
	if err != nil {
		t.Fatalf("lines of %s: %v", css, err)
	}
	return out
}

// TestBrowserReportCommentsKeepWordsWhole: at a desktop and a phone width the comments table's
// rating and flag cells (and the rating heading) each stay on one line while long comments
// wrap, and the page never scrolls sideways.
func TestBrowserReportCommentsKeepWordsWhole(t *testing.T) {
	e := newReportEnv(t)
	m := reportFixture(e)
	var extra string
	if err := e.App.Store.DB.Get(&extra, `SELECT person_id FROM rsvps WHERE meetup_id = $1 AND status = 'yes'
		AND person_id NOT IN (SELECT person_id FROM feedback WHERE meetup_id = $1) LIMIT 1`, m.ID); err != nil {
		t.Fatal(err)
	}
	long := "The walkthrough of type parameters with constraints and the generic ordered map was the most useful part of the whole afternoon for our team"
	e.feedback(m.ID, extra, 3, 8, 3, long, long+", but it needs more time for the questions at the end", "")
	ctx := tab(t)
	logIn(t, ctx, e.App)
	for _, width := range []int64{1280, 375} {
		do(t, ctx, fmt.Sprintf("open the report %d px wide", width),
			chromedp.EmulateViewport(width, 900), chromedp.Navigate(e.URL+"/meetups/"+m.ID+"/report"),
			chromedp.WaitVisible(chromedp.CSS("#comments tr.comment")))
		for _, css := range []string{"#comments th:first-child", "#comments tr.comment td:first-child", "#comments tr.comment button.flag"} {
			for i, n := range linesOf(t, ctx, css) {
				if n > 1 { // 0: the heading row is hidden on a phone, where the rows stack
					testutil.Screenshot(t, ctx, fmt.Sprintf("report-comments-%d-broken", width))
					t.Fatalf("at %d px, %s #%d takes %d lines: a short word breaks", width, css, i, n)
				}
			}
		}
		if n := linesOf(t, ctx, "#comments tr.comment:last-child td:nth-child(2)"); len(n) != 1 || n[0] < 2 {
			t.Fatalf("at %d px the long comment takes %v line(s): the text columns should wrap", width, n)
		}
		w, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, window.innerWidth]`))
		if err != nil || w[0] > w[1] {
			t.Fatalf("at %d px the page is %v wide (scroll, window): %v", width, w, err)
		}
		checkStackedLabels(t, ctx, width)
		testutil.Screenshot(t, ctx, fmt.Sprintf("report-comments-%d", width))
	}
}

// checkStackedLabels: on a phone, where the heading row is hidden, each comment cell shows its
// column's name before its value (the flag column, named for screen readers only, and empty
// cells show none); on a desktop, none does.
func checkStackedLabels(t *testing.T, ctx context.Context, width int64) {
	t.Helper()
	js := `(() => { const heads = [...document.querySelectorAll("#comments thead th")].map(th => th.textContent.trim());
		const cells = [...document.querySelectorAll("#comments tr.comment:last-child td")];
		return [heads.join("|"), cells.map(td => getComputedStyle(td, "::before").content).join("|")]; })()`
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](js))
	if err != nil {
		t.Fatal(err)
	}
	heads := strings.Split(got[0], "|")
	want := fmt.Sprintf(`"%s: "|"%s: "|"%s: "|none`, heads[0], heads[1], heads[2])
	if width > 600 {
		want = "none|none|none|none"
	}
	if got[1] != want {
		testutil.Screenshot(t, ctx, fmt.Sprintf("report-comments-%d-labels", width))
		t.Fatalf("at %d px the comment cells show labels %s, want %s", width, got[1], want)
	}
}
