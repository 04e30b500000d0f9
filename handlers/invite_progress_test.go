package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserInviteProgressIsLive: after a send the meetup page shows the invitations queued, and
// as the outbox delivers them the counts move to sent without a reload.
func TestBrowserInviteProgressIsLive(t *testing.T) {
	e := newRSVPEnv(t, 3, 10)
	e.inviteAll(t)
	ctx := tab(t)
	logIn(t, ctx, e.app)
	do(t, ctx, "open the meetup", chromedp.Navigate(e.app.URL+"/meetups/"+e.meetup.ID), chromedp.WaitVisible(chromedp.CSS("#invite-counts")))
	wantText(t, ctx, "#invite-queued", "3")
	wantText(t, ctx, "#invite-sent", "0")
	if _, err := e.app.Store.DB.Exec(`UPDATE outbox SET status = 'sent', sent_at = now() WHERE meetup_id = $1 AND kind = 'invite'`, e.meetup.ID); err != nil {
		t.Fatal(err)
	}
	js := `document.getElementById("invite-sent").textContent === "3" && document.getElementById("invite-queued").textContent === "0"`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Fatalf("the counts did not move to sent without a reload: %q", textOf(t, ctx, "#invite-counts"))
	}
	res := loggedIn(t, e.app).Get(t, "/meetups/"+e.meetup.ID+"/invitations/progress")
	if res.Status != 200 || !strings.Contains(res.Body, `"sent":3`) {
		t.Fatalf("progress JSON: %d %s", res.Status, res.Body)
	}
}
