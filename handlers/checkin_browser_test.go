package handlers_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
)

// visibleRows counts the people the check-in list shows.
func visibleRows(t *testing.T, ctx context.Context) int {
	t.Helper()
	return eval[int](t, ctx, `[...document.querySelectorAll('#checkin-list li.door-person')].filter(li => !li.hidden).length`)
}

// tickIn presses a person's button and waits for the counter to show want invited checked in
// of the 3 expected.
func tickIn(t *testing.T, ctx context.Context, personID, want string) {
	t.Helper()
	do(t, ctx, "tick "+personID, chromedp.Click(chromedp.CSS("#p-"+personID+" button.tick")))
	waitText(t, ctx, "count-invited", want+" of 3 expected checked in")
}

// walkInsShown reports whether the counter shows its walk-ins part.
func walkInsShown(t *testing.T, ctx context.Context) bool {
	t.Helper()
	return eval[bool](t, ctx, `!document.getElementById('count-walk-ins-part').hidden`)
}

// TestBrowserCheckinOnPhone: at the door on a 375 px phone the organiser finds a person by
// typing, ticks them without a reload (invited, no answer: counted apart from the expected),
// ticks and unticks another, adds a walk-in, and the counts follow; the page never scrolls
// sideways and every tap target is thumb-sized.
func TestBrowserCheckinOnPhone(t *testing.T) {
	e := newDoorEnv(t, 5, 3, 10)
	mustExec(t, e, `UPDATE people SET name = 'Zoë Ivanova' WHERE id = $1`, e.people[3].ID)
	ctx := tab(t)
	do(t, ctx, "phone", chromedp.EmulateViewport(375, 740))
	logIn(t, ctx, e.app)
	do(t, ctx, "open the check-in page",
		chromedp.Navigate(e.app.URL+"/meetups/"+e.meetup.ID),
		chromedp.WaitVisible(chromedp.CSS("#checkin-link")),
		chromedp.Click(chromedp.CSS("#checkin-link")),
		chromedp.WaitVisible(chromedp.CSS("#checkin-list")),
	)
	waitText(t, ctx, "count-invited", "0 of 3 expected checked in")
	if walkInsShown(t, ctx) {
		t.Fatal("the counter speaks of walk-ins before anyone walked in")
	}
	if n := visibleRows(t, ctx); n != 5 {
		t.Fatalf("the list shows %d people, want 5", n)
	}
	if first := textContentOf(t, ctx, "#checkin-list li .door-rsvp"); first != "Yes" {
		t.Fatalf("the first person's answer is %q; those who said yes come first", first)
	}

	do(t, ctx, "type a name", chromedp.SendKeys(chromedp.CSS("#q"), "zoë"))
	if n := visibleRows(t, ctx); n != 1 || eval[bool](t, ctx, `document.getElementById('p-`+e.people[3].ID+`').hidden`) {
		t.Fatalf("typing zoë shows %d people", n)
	}
	eval[bool](t, ctx, `window.notReloaded = true`)
	if eval[bool](t, ctx, `!document.getElementById('count-others-part').hidden`) {
		t.Fatal("the counter speaks of others before anyone came")
	}
	do(t, ctx, "tick "+e.people[3].ID, chromedp.Click(chromedp.CSS("#p-"+e.people[3].ID+" button.tick")))
	waitText(t, ctx, "count-others", "1 other invitee") // invited, no answer: not one of the expected
	if got := textContentOf(t, ctx, "#count-invited"); got != "0 of 3 expected checked in" {
		t.Fatalf("after ticking someone who did not say yes the counter reads %q", got)
	}
	if !eval[bool](t, ctx, `window.notReloaded === true`) {
		t.Fatal("the tick reloaded the page")
	}
	wantText(t, ctx, "#p-"+e.people[3].ID+" button.tick", "Undo")

	eval[bool](t, ctx, `(q => { q.value = ''; q.dispatchEvent(new Event('input')); return true })(document.getElementById('q'))`)
	if n := visibleRows(t, ctx); n != 5 {
		t.Fatalf("after clearing the search %d people show", n)
	}
	tickIn(t, ctx, e.people[0].ID, "1")
	tickIn(t, ctx, e.people[0].ID, "0")
	wantText(t, ctx, "#p-"+e.people[0].ID+" button.tick", "Check in")

	do(t, ctx, "add a walk-in",
		chromedp.Click(chromedp.CSS("#walk-in summary")),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "wally@example.com"),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Wally Walker"),
		chromedp.Click(chromedp.CSS("#walk-in-submit")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	// a walk-in was neither invited nor expected: counted apart
	waitText(t, ctx, "count-invited", "0 of 3 expected checked in")
	waitText(t, ctx, "count-walk-ins", "1 walk-in")
	if !walkInsShown(t, ctx) {
		t.Fatal("the walk-in is not shown in the counter")
	}

	do(t, ctx, "search on the server",
		chromedp.Navigate(e.app.URL+"/meetups/"+e.meetup.ID+"/checkin?q=wally"),
		chromedp.WaitVisible(chromedp.CSS("#checkin-list")),
	)
	if n := visibleRows(t, ctx); n != 1 {
		t.Fatalf("?q=wally shows %d people", n)
	}
	wantText(t, ctx, "#checkin-list li", "Wally Walker")
	wantText(t, ctx, "#checkin-list li", "walk-in")
	wantText(t, ctx, "#checkin-list li button.tick", "Undo")
	do(t, ctx, "undo the walk-in", chromedp.Click(chromedp.CSS("#checkin-list li button.tick")))
	waitText(t, ctx, "count-walk-ins", "")
	if walkInsShown(t, ctx) || textContentOf(t, ctx, "#count-invited") != "0 of 3 expected checked in" {
		t.Fatal("after undoing the walk-in the counter still shows a walk-in or changed the invited")
	}
	do(t, ctx, "tick the walk-in again", chromedp.Click(chromedp.CSS("#checkin-list li button.tick")))
	waitText(t, ctx, "count-walk-ins", "1 walk-in")

	do(t, ctx, "the whole list", chromedp.Navigate(e.app.URL+"/meetups/"+e.meetup.ID+"/checkin"), chromedp.WaitVisible(chromedp.CSS("#checkin-list")))
	if eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth`) {
		testutil.Screenshot(t, ctx, "checkin-phone-wide")
		t.Fatal("the check-in page scrolls sideways on a phone")
	}
	if small := eval[float64](t, ctx, `Math.min(...[...document.querySelectorAll('button.tick, #q')].map(b => b.getBoundingClientRect().height))`); small < 44 {
		t.Fatalf("a tap target is %.0f px high, want at least 44", small)
	}
	testutil.Screenshot(t, ctx, "checkin-phone")
	if in := e.checkedIn(t); len(in) != 2 || !in["p3@example.com"] || !in["wally@example.com"] {
		t.Fatalf("checked in after the browser session: %v", in)
	}
}
