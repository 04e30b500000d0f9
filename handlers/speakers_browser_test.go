package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// spkWaitJS waits (up to 20 s) until a JavaScript expression is true in the page; a poll cut short
// by a navigation (a form's redirect) starts again on the new page.
func spkWaitJS(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		cctx, cancel := context.WithDeadline(ctx, deadline)
		_, err := chromedp.Run(cctx, chromedp.Poll[bool](js))
		cancel()
		if err == nil {
			return
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
			t.Fatalf("waiting for %s: %v\npage: %s", what, err, body)
		}
	}
}

// spkSeeText waits until the page's main content shows text.
func spkSeeText(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	q, _ := json.Marshal(text)
	spkWaitJS(t, ctx, text, fmt.Sprintf("!!document.querySelector('main') && document.querySelector('main').innerText.includes(%s)", q))
}

// spkCandidateID finds a candidate of a meetup by the speaker's name.
func spkCandidateID(t *testing.T, app *testutil.App, meetupID, name string) string {
	t.Helper()
	var id string
	err := app.Store.DB.Get(&id, `SELECT c.id FROM candidates c JOIN speakers s ON s.id = c.speaker_id
		WHERE c.meetup_id = $1 AND s.name = $2`, meetupID, name)
	if err != nil {
		t.Fatalf("candidate %s: %v", name, err)
	}
	return id
}

// TestBrowserSpeakersPath walks the organiser from the directory to a confirmed lineup, and the
// speakers through their reply (English and Russian) and confirmation pages, in Chromium.
func TestBrowserSpeakersPath(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	for i := 0; i < 3; i++ {
		spkPerson(t, app, app.Team.ID, fmt.Sprintf("kyiv%d@example.com", i), "Kyiv "+fmt.Sprint(i), "Europe/Kyiv", "postgres")
	}
	spkPerson(t, app, app.Team.ID, "ny@example.com", "New York", "America/New_York")
	_, err := models.UpsertPerson(context.Background(), app.Store.DB, app.Team.ID, models.Person{Email: "fay@example.com",
		Name: "Фая", Timezone: "America/New_York", Language: "ru", Interests: []string{"Go"}, Department: "Data"})
	if err != nil {
		t.Fatal(err)
	}
	m := a.meetup("Backend lunch", "Go services on PostgreSQL", "Europe/Kyiv")
	mail := startMailDelivery(t, app)
	day := spkFirstWeekday(time.Now().Year()+1, time.June, time.Tuesday).Format("2006-01-02")
	ctx := tab(t)

	do(t, ctx, "log in", chromedp.Navigate(app.URL+"/login"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), app.User.Email), chromedp.SendKeys(chromedp.CSS("#password"), testutil.Password),
		chromedp.Click(chromedp.CSS("button.primary")), chromedp.WaitVisible(chromedp.CSS(".who")))

	do(t, ctx, "add a speaker with a bad email", chromedp.Navigate(app.URL+"/speakers"),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Ada Lovelace"), chromedp.SendKeys(chromedp.CSS("#f-email"), "ada-at-example"),
		chromedp.SendKeys(chromedp.CSS("#f-expertise"), "go, postgres"), chromedp.Click(chromedp.CSS("#add-speaker-submit")),
		chromedp.WaitVisible(chromedp.CSS("#e-email")))
	testutil.Screenshot(t, ctx, "speakers-directory-error")
	do(t, ctx, "fix the email", chromedp.SetValue(chromedp.CSS("#f-email"), "ada@example.com"),
		chromedp.Click(chromedp.CSS("#add-speaker-submit")))
	spkSeeText(t, ctx, "The speaker was added.")
	spkSeeText(t, ctx, "Ada Lovelace")

	do(t, ctx, "open the meetup's speakers", chromedp.Navigate(app.URL+"/meetups/"+m),
		chromedp.Click(chromedp.CSS("#meetup-speakers")), chromedp.WaitVisible(chromedp.CSS("#suggestions")))
	spkSeeText(t, ctx, "expertise: go, postgres")
	spkSeeText(t, ctx, "new voice, never spoke; interests: Go")
	testutil.Screenshot(t, ctx, "speakers-suggestions")
	do(t, ctx, "add Ada", chromedp.Click(chromedp.Search("//tr[contains(., 'Ada Lovelace')]//button")))
	spkSeeText(t, ctx, "Added to the candidates.")
	do(t, ctx, "add Фая, a new voice", chromedp.Click(chromedp.Search("//tr[contains(., 'Фая')]//button")))
	spkWaitJS(t, ctx, "two candidates", "document.querySelectorAll('#candidate-table tbody tr').length === 2")

	do(t, ctx, "add a slot", chromedp.SetValue(chromedp.CSS("#f-starts"), day+"T13:00"), chromedp.Click(chromedp.CSS("#add-slot")))
	spkSeeText(t, ctx, "The slot was added.")
	spkSeeText(t, ctx, "13:00–14:00 UTC+03:00")
	spkSeeText(t, ctx, "06:00–07:00 (UTC-04:00)")
	spkSeeText(t, ctx, "60% in working hours")
	testutil.Screenshot(t, ctx, "speakers-slots")

	draft, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-brief")))
	if err != nil || !spkContains(draft, "Topic: Go services on PostgreSQL", "Audience: 5 people.", "Possible slots (Europe/Kyiv):") {
		t.Fatalf("the brief draft: %q %v", draft, err)
	}
	do(t, ctx, "send the brief", chromedp.Click(chromedp.CSS("#send-brief")))
	spkSeeText(t, ctx, "The brief was sent.")
	spkWaitJS(t, ctx, "both contacted", "[...document.querySelectorAll('.cand-status')].every(e => e.innerText === 'contacted')")

	ada := spkCandidateID(t, app, m, "Ada Lovelace")
	brief := waitMail(t, mail, "ada@example.com", "Answer needed: would you speak at “Backend lunch”?")
	if rt := brief.ReplyTo; rt != app.User.Email {
		t.Fatalf("the brief's Reply-To is %q, want the organiser %s: Ada's reply would not reach them", rt, app.User.Email)
	}
	do(t, ctx, "Ada opens the link in her mail and answers yes", chromedp.Navigate(app.URL+spkMailLink(t, app, brief, "/o/")),
		chromedp.WaitVisible(chromedp.CSS("#reply-submit")),
		chromedp.Click(chromedp.CSS("#interest-yes")), chromedp.Click(chromedp.CSS("input[name=slot]")),
		chromedp.SendKeys(chromedp.CSS("#f-talk_title"), "Go at scale"),
		chromedp.SendKeys(chromedp.CSS("#f-abstract"), "How we run 200 Go services on one PostgreSQL."),
		chromedp.Click(chromedp.CSS("#reply-submit")), chromedp.WaitVisible(chromedp.CSS("#reply-saved")))
	testutil.Screenshot(t, ctx, "speakers-reply-en")
	fayBrief := waitMail(t, mail, "fay@example.com", "Нужен ответ: выступите на встрече «Backend lunch»?")
	do(t, ctx, "Фая opens her mail's link, in Russian", chromedp.Navigate(app.URL+spkMailLink(t, app, fayBrief, "/o/")))
	spkSeeText(t, ctx, "Выступите на встрече «Backend lunch»?")
	do(t, ctx, "Фая submits", chromedp.Click(chromedp.CSS("#interest-maybe")), chromedp.Click(chromedp.CSS("#reply-submit")),
		chromedp.WaitVisible(chromedp.CSS("#reply-saved")))
	testutil.Screenshot(t, ctx, "speakers-reply-ru")

	var slotID string
	_ = app.Store.DB.Get(&slotID, `SELECT id FROM speaker_slots WHERE meetup_id = $1`, m)
	do(t, ctx, "score Ada", chromedp.Navigate(app.URL+"/meetups/"+m+"/speakers/compare"),
		chromedp.WaitVisible(chromedp.CSS("#card-"+ada)),
		chromedp.SetValue(chromedp.CSS("#availability-"+ada), "5"), chromedp.SetValue(chromedp.CSS("#style-"+ada), "4"),
		chromedp.SetValue(chromedp.CSS("#value-"+ada), "5"), chromedp.Click(chromedp.CSS("#card-"+ada+" .score-submit")))
	spkSeeText(t, ctx, "Scores saved.")
	spkSeeText(t, ctx, "average: 4.7")
	spkSeeText(t, ctx, "Go at scale")
	testutil.Screenshot(t, ctx, "speakers-compare")
	do(t, ctx, "pick the lineup", chromedp.SetValue(chromedp.CSS("#pick-"+ada), slotID), chromedp.Click(chromedp.CSS("#send-lineup")))
	spkSeeText(t, ctx, "asked to confirm their slots")

	ask := waitMail(t, mail, "ada@example.com", "Please confirm your slot at “Backend lunch”")
	if ask.ReplyTo != app.User.Email {
		t.Fatalf("the slot request's Reply-To is %q, want the organiser %s", ask.ReplyTo, app.User.Email)
	}
	if !strings.Contains(ask.Text, "Talk: “Go at scale”") {
		t.Errorf("the confirm request does not name the talk:\n%s", ask.Text)
	}
	do(t, ctx, "Ada confirms from her mail", chromedp.Navigate(app.URL+spkMailLink(t, app, ask, "/c/")),
		chromedp.Click(chromedp.CSS("#confirm-yes")), chromedp.WaitVisible(chromedp.CSS("#confirm-notice")))
	spkSeeText(t, ctx, "Your slot is confirmed")
	testutil.Screenshot(t, ctx, "speakers-confirmed")
	spkCheckInvite(t, waitMail(t, mail, "ada@example.com", "Confirmed: your talk at “Backend lunch”"), ada, day+"T10:00:00Z")
	do(t, ctx, "the organiser sees the lineup ready", chromedp.Navigate(app.URL+"/meetups/"+m+"/speakers"),
		chromedp.WaitVisible(chromedp.CSS("#lineup-ready")))
	testutil.Screenshot(t, ctx, "speakers-lineup-ready")
}

// spkContains reports whether s holds every part.
func spkContains(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// spkMailLink returns the path of the personal link (prefix "/o/" or "/c/") that a delivered mail
// carries, after checking that its HTML part links to the same address.
func spkMailLink(t *testing.T, app *testutil.App, m capturedMail, prefix string) string {
	t.Helper()
	p := spkMailPath(t, m.Text, prefix)
	if !strings.Contains(m.HTML, `href="`+app.URL+p+`"`) {
		t.Fatalf("the HTML part of %q lacks the link %s:\n%s", m.Subject, p, m.HTML)
	}
	return p
}

// spkCheckInvite checks the confirmed speaker's mail carries their slot as an invitation that
// python3-icalendar reads: METHOD REQUEST in the part's type and inside, the stable UID, the slot's
// start (UTC) and the speaker as an attendee.
func spkCheckInvite(t *testing.T, m capturedMail, candidateID, startUTC string) {
	t.Helper()
	shape := strings.Join(m.Shape, ",")
	if m.ICSMethod != "REQUEST" || !strings.Contains(shape, "text/calendar") || !strings.Contains(shape, "application/ics") {
		t.Fatalf("the invite mail: method %q, parts %s", m.ICSMethod, shape)
	}
	cal := pyRead(t, []byte(m.ICS))
	if cal.Method != "REQUEST" || len(cal.Events) != 1 {
		t.Fatalf("the invite: method %q, %d events\n%s", cal.Method, len(cal.Events), m.ICS)
	}
	ev := cal.Events[0]
	if ev.UID != "speaker-"+candidateID+"@convene" || ev.Start != startUTC || ev.Organizer == nil ||
		len(ev.Attendees) != 1 || !strings.EqualFold(ev.Attendees[0].Value, "mailto:ada@example.com") || ev.Attendees[0].Rsvp != "TRUE" {
		t.Fatalf("the invite's event: %+v\n%s", ev, m.ICS)
	}
}
