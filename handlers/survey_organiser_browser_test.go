package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// loginInBrowser logs the app's organiser in through the login form.
func loginInBrowser(t *testing.T, ctx context.Context, a *surveyApp) {
	t.Helper()
	do(t, ctx, "log in",
		chromedp.Navigate(a.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), a.User.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), testutil.Password),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS(".who")),
	)
}

// TestBrowserOrganiserWritesSurvey writes a survey with the no-JavaScript row buttons and the backlog.
func TestBrowserOrganiserWritesSurvey(t *testing.T) {
	a := newSurveyApp(t, 3)
	if _, err := a.Store.AddTopicIdea(a.ctx, a.Team.ID, "Chaos engineering", models.IdeaFromOrganiser, nil); err != nil {
		t.Fatal(err)
	}
	ctx := tab(t)
	loginInBrowser(t, ctx, a)
	do(t, ctx, "open the meetup", chromedp.Navigate(a.URL+"/meetups/"+a.meetup.ID), chromedp.WaitVisible(chromedp.CSS("#survey-link")))
	clickAndLoad(t, ctx, "#survey-link")
	if q := valueOf(t, ctx, "#f-question"); q != "Which topics would you like to hear about at the next meetup?" {
		t.Fatalf("default question = %q", q)
	}
	do(t, ctx, "first topic", chromedp.SetValue(chromedp.CSS("#f-question"), "What should the next tech talk be about?"),
		chromedp.SendKeys(chromedp.CSS("#topic-0"), "Go generics"))
	clickAndLoad(t, ctx, "#add-topic")
	do(t, ctx, "second topic", chromedp.SendKeys(chromedp.CSS("#topic-1"), "SQL performance"))
	clickAndLoad(t, ctx, "#add-topic")
	do(t, ctx, "third topic", chromedp.SendKeys(chromedp.CSS("#topic-2"), "Observability"))
	clickAndLoad(t, ctx, `button[value="up:2"]`)
	if v := valueOf(t, ctx, "#topic-1"); v != "Observability" {
		t.Fatalf("after moving up, row 2 = %q", v)
	}
	clickAndLoad(t, ctx, `button[value="idea:Chaos engineering"]`)
	if v := valueOf(t, ctx, "#topic-3"); v != "Chaos engineering" {
		t.Fatalf("the backlog idea was not added: %q", v)
	}
	do(t, ctx, "duplicate a topic", chromedp.SetValue(chromedp.CSS("#topic-3"), "go generics"))
	clickAndLoad(t, ctx, "#save")
	if e := textOf(t, ctx, "#e-topic-3"); e != "This topic is listed twice." {
		t.Fatalf("duplicate topic error = %q", e)
	}
	if q := valueOf(t, ctx, "#f-question"); q != "What should the next tech talk be about?" {
		t.Fatalf("the refused form lost the question: %q", q)
	}
	do(t, ctx, "fix it", chromedp.SetValue(chromedp.CSS("#topic-3"), "Chaos engineering"))
	testutil.Screenshot(t, ctx, "survey-organiser-form")
	clickAndLoad(t, ctx, "#save")
	if s := textOf(t, ctx, "#send"); s != "Send to 3 people not yet mailed" {
		t.Fatalf("send button = %q", s)
	}
	clickAndLoad(t, ctx, "#send")
	if f := textOf(t, ctx, ".flash"); f != "The survey is on its way." {
		t.Fatalf("after sending: %q", f)
	}
	sv, err := a.Store.GetSurvey(a.ctx, a.Team.ID, a.meetup.ID)
	if err != nil || strings.Join(sv.Topics, "|") != "Go generics|Observability|SQL performance|Chaos engineering" {
		t.Fatalf("stored survey = %+v, %v", sv, err)
	}
	organiserSeesResults(t, ctx, a)
}

// organiserSeesResults answers for two people and checks the live results, the chart and the pick.
func organiserSeesResults(t *testing.T, ctx context.Context, a *surveyApp) {
	t.Helper()
	answers := map[string]models.SurveyAnswer{
		"e0@example.com": {Topics: []string{"Observability", "SQL performance"}, Proposal: "Fuzzing", Problems: "Flaky CI"},
		"e1@example.com": {Topics: []string{"Observability"}, Problems: "Too many dashboards"},
	}
	for email, ans := range answers {
		var id string
		_ = a.Store.DB.Get(&id, `SELECT id FROM people WHERE email = $1`, email)
		if err := a.Store.SaveAnswer(a.ctx, a.meetup.ID, id, ans); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Store.DB.Exec(`UPDATE survey_invites SET sent_at = now() - interval '2 hours'`); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, "reload the results", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#chart")))
	if r := textOf(t, ctx, "#responses"); r != "2 of 3 answered (67%)." {
		t.Fatalf("responses = %q", r)
	}
	chart, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS("#chart")))
	if err != nil || !strings.Contains(chart, "Observability") || !strings.Contains(chart, "2 · 100%") || !strings.Contains(chart, "1 · 50%") {
		t.Fatalf("chart text = %q, %v", chart, err)
	}
	if first := textOf(t, ctx, "#tally tbody tr:first-child"); !strings.Contains(first, "Observability") {
		t.Fatalf("first in the tally: %q", first)
	}
	if p := textOf(t, ctx, "#problems"); !strings.Contains(p, "Flaky CI") || !strings.Contains(p, "Too many dashboards") {
		t.Fatalf("problems = %q", p)
	}
	if r := textOf(t, ctx, "#remind"); r != "Remind 1 person who has not answered" {
		t.Fatalf("remind button = %q", r)
	}
	testutil.Screenshot(t, ctx, "survey-organiser-results")
	clickAndLoad(t, ctx, "#remind")
	longProposalWraps(t, ctx, a)
	do(t, ctx, "pick the proposal", chromedp.Click(chromedp.CSS(`#pick input[value="Fuzzing"]`)))
	clickAndLoad(t, ctx, "#pick-submit")
	if m, _ := a.Store.GetMeetup(a.ctx, a.Team.ID, a.meetup.ID); m.Topic != "Fuzzing" || m.Stage != models.StageSpeakers {
		t.Fatalf("after the pick: %+v", m)
	}
}

// longProposalWraps: a proposal of 200 characters without a space, from the one who had not
// answered, wraps on the results page instead of making it wider than the window.
func longProposalWraps(t *testing.T, ctx context.Context, a *surveyApp) {
	t.Helper()
	var id string
	_ = a.Store.DB.Get(&id, `SELECT id FROM people WHERE email = 'e2@example.com'`)
	long := strings.Repeat("Observability", 16)[:200]
	if err := a.Store.SaveAnswer(a.ctx, a.meetup.ID, id, models.SurveyAnswer{Topics: []string{"Observability"}, Proposal: long}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, "reload the results", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#pick")))
	if eval[bool](t, ctx, "document.documentElement.scrollWidth > window.innerWidth") {
		testutil.Screenshot(t, ctx, "survey-long-proposal")
		t.Fatal("a long proposal makes the results page wider than the window")
	}
}
