package handlers_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// currentStepRE finds the step the meetup page marks as the current one.
var currentStepRE = regexp.MustCompile(`(?s)aria-current="step">.*?<strong>([^<]+)</strong>`)

// stageSeen is a meetup's stage as the API gives it and the step its page shows as current.
func stageSeen(t *testing.T, a *spkAPI, c *testutil.Client, m string) string {
	t.Helper()
	st, _ := a.must(200, "GET", "/api/v1/meetups/"+m, nil)["stage"].(string)
	step := currentStepRE.FindStringSubmatch(c.Get(t, "/meetups/"+m).Body)
	if step == nil {
		t.Fatalf("the meetup page (stage %s) shows no current step", st)
	}
	return st + " / " + step[1]
}

// leaveLineup says "no" on a chosen speaker's /c/ page: a confirmed one withdraws, an asked one declines.
func leaveLineup(t *testing.T, app *testutil.App, m, cand string) {
	t.Helper()
	if res := app.Client().PostForm(t, spkLinkPath(t, app, m, cand, models.PurposeConfirm), url.Values{"confirm": {"no"}}); res.Status != 303 {
		t.Fatalf("leaving the lineup: %d %s", res.Status, res.Body)
	}
}

// joinLineup asks a candidate for a slot and has them confirm it.
func joinLineup(t *testing.T, app *testutil.App, a *spkAPI, m, cand, slot string) {
	t.Helper()
	a.must(200, "POST", "/api/v1/meetups/"+m+"/lineup", map[string]any{"speakers": []any{spkPick(cand, slot)}})
	if res := app.Client().PostForm(t, spkLinkPath(t, app, m, cand, models.PurposeConfirm), url.Values{"confirm": {"yes"}}); res.Status != 303 {
		t.Fatalf("confirming: %d %s", res.Status, res.Body)
	}
}

// TestWithdrawalStepsTheMeetupBack: Ada, the only speaker, confirms her slot: the meetup is in
// confirmation and its page shows step 5 as the current one. She withdraws: no speaker is left,
// so the meetup is back in outreach (API "stage":"outreach", the page's current step "Outreach"),
// where the next lineup is chosen; Bea, who had answered too, is asked and confirms, and the
// meetup is in confirmation again. Before, the withdrawal left it in confirmation.
func TestWithdrawalStepsTheMeetupBack(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	c := loggedIn(t, app)
	m := a.meetup("Backend lunch", "Go", "Europe/Kyiv")
	slot := a.slot(m, time.Now().Add(240*time.Hour).Truncate(time.Hour))
	ada, bea := spkAnswered(t, app, a, m, "Ada", "Channels", slot), spkAnswered(t, app, a, m, "Bea", "Generics", slot)
	joinLineup(t, app, a, m, ada, slot)
	if got := stageSeen(t, a, c, m); got != "confirmation / Confirmation" {
		t.Fatalf("Ada confirmed: %s", got)
	}
	leaveLineup(t, app, m, ada)
	if got := stageSeen(t, a, c, m); got != "outreach / Outreach" {
		t.Fatalf("Ada withdrew, nobody is left: %s, want outreach", got)
	}
	joinLineup(t, app, a, m, bea, slot)
	if got := stageSeen(t, a, c, m); got != "confirmation / Confirmation" {
		t.Fatalf("Bea confirmed: %s", got)
	}
}

// TestWithdrawalOfAScheduledMeetup: the meetup is scheduled with Ada and Oleg confirmed and Zoe
// still asked, no invitation sent. Ada withdraws, then Oleg: the meetup stays scheduled while Zoe
// is still asked; Zoe declines: nobody is left, and nobody is invited, so it is back in outreach
// (its time kept). Bea is asked and confirms: scheduled again, as it has its time. The
// invitations go out; Bea withdraws: the meetup stays scheduled (its page on step 5), since its
// invitations are out.
func TestWithdrawalOfAScheduledMeetup(t *testing.T) {
	t.Parallel()
	e := newRescheduleEnv(t)
	c := loggedIn(t, e.app)
	for _, cand := range []string{e.ada, e.oleg} {
		leaveLineup(t, e.app, e.m, cand)
		if got := stageSeen(t, e.a, c, e.m); got != "scheduled / Confirmation" {
			t.Fatalf("a speaker left, others are still in the lineup: %s", got)
		}
	}
	leaveLineup(t, e.app, e.m, e.zo)
	if got := stageSeen(t, e.a, c, e.m); got != "outreach / Outreach" {
		t.Fatalf("the last speaker left, nobody invited: %s, want outreach", got)
	}
	if page := c.Get(t, "/meetups/"+e.m).Body; !strings.Contains(page, "Room 1") {
		t.Errorf("the meetup lost its place:\n%s", page)
	}
	slot := e.slot("12:45", "13:15")
	bea := spkAnswered(t, e.app, e.a, e.m, "Bea", "Generics", slot)
	joinLineup(t, e.app, e.a, e.m, bea, slot)
	if got := stageSeen(t, e.a, c, e.m); got != "scheduled / Confirmation" {
		t.Fatalf("Bea confirmed on the meetup with a time: %s", got)
	}
	sendToEveryone(t, e)
	leaveLineup(t, e.app, e.m, bea)
	if got := stageSeen(t, e.a, c, e.m); got != "scheduled / Confirmation" {
		t.Fatalf("Bea withdrew after the invitations went out: %s, want scheduled", got)
	}
}

// TestInvitationsAfterAStepBack: the scheduled meetup's lineup empties before any invitation
// (outreach); the organiser sends the invitations all the same: the meetup is scheduled again, so
// its reminders fire.
func TestInvitationsAfterAStepBack(t *testing.T) {
	t.Parallel()
	e := newRescheduleEnv(t)
	c := loggedIn(t, e.app)
	for _, cand := range []string{e.ada, e.oleg, e.zo} {
		leaveLineup(t, e.app, e.m, cand)
	}
	if got := stageSeen(t, e.a, c, e.m); got != "outreach / Outreach" {
		t.Fatalf("the lineup is empty: %s", got)
	}
	sendToEveryone(t, e)
	if got := stageSeen(t, e.a, c, e.m); got != "scheduled / Confirmation" {
		t.Fatalf("invitations sent: %s, want scheduled", got)
	}
}

// sendToEveryone gives the env's meetup an audience of the whole directory (one person) and sends
// its invitations.
func sendToEveryone(t *testing.T, e *rescheduleEnv) {
	t.Helper()
	spkPerson(t, e.app, e.app.Team.ID, "amy@example.com", "Amy", "Europe/Berlin")
	aud, err := e.app.Store.CreateAudience(context.Background(), e.app.Team.ID, models.Audience{Name: "Everyone"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.dbExec(`UPDATE meetups SET audience_id = $1 WHERE id = $2`, aud, e.m); err != nil {
		t.Fatal(err)
	}
	if out := e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/invitations/send", nil); out["invited"] == float64(0) {
		t.Fatalf("nobody invited: %v", out)
	}
}

// TestCancelAfterAStepBack: the meetup's only speaker withdrew (outreach), then the meetup is
// cancelled: its page shows the steps it had done, audience to speaker search, as done and
// outreach, which it was back in, as not done.
func TestCancelAfterAStepBack(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m := a.meetup("Backend lunch", "Go", "Europe/Kyiv")
	slot := a.slot(m, time.Now().Add(240*time.Hour).Truncate(time.Hour))
	ada := spkAnswered(t, app, a, m, "Ada", "Channels", slot)
	joinLineup(t, app, a, m, ada, slot)
	leaveLineup(t, app, m, ada)
	a.must(200, "POST", "/api/v1/meetups/"+m+"/cancel", map[string]any{"reason": "No speaker"})
	page := loggedIn(t, app).Get(t, "/meetups/"+m).Body
	if done, notDone := strings.Count(page, `class="state">done<`), strings.Count(page, `class="state">not done<`); done != 3 || notDone != 3 {
		t.Fatalf("%d steps done and %d not done, want 3 and 3:\n%s", done, notDone, page)
	}
}
