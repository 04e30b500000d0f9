package handlers_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// status reads a candidate's status and follow-up count.
func (a *spkAPI) status(cid string) (string, int) {
	a.t.Helper()
	var row struct {
		Status    string `db:"status"`
		FollowUps int    `db:"follow_ups"`
	}
	if err := a.store.DB.Get(&row, `SELECT status, follow_ups FROM candidates WHERE id = $1`, cid); err != nil {
		a.t.Fatal(err)
	}
	return row.Status, row.FollowUps
}

// spkRunWork runs the speaker work from n "replicas" at once and adds up what they did.
func spkRunWork(t *testing.T, app *testutil.App, n int) models.FollowUpRun {
	t.Helper()
	var mu sync.Mutex
	var total models.FollowUpRun
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run, err := app.H.RunSpeakerWork(context.Background())
			if err != nil {
				t.Errorf("speaker work: %v", err)
			}
			mu.Lock()
			total.FollowedUp += run.FollowedUp
			total.NoReply += run.NoReply
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}

// TestOutreachBriefAndFollowUp sends the brief, then drives time through the database: one silent
// candidate gets exactly one follow-up across three replicas, then becomes no_reply; one who answered gets none.
func TestOutreachBriefAndFollowUp(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	spkPerson(t, app, app.Team.ID, "p1@example.com", "P1", "Europe/Kyiv", "go", "postgres")
	spkPerson(t, app, app.Team.ID, "p2@example.com", "P2", "America/New_York", "go")
	m := a.meetup("Backend lunch", "Go services on PostgreSQL", "Europe/Kyiv")
	ada := a.candidate(m, a.speaker("Ada", "ada@example.com", "go"))
	boris := a.candidate(m, a.speaker("Boris", "boris@example.com", "postgres"))
	a.slot(m, spkFirstWeekday(time.Now().Year()+1, time.June, time.Tuesday).Add(10*time.Hour))

	draft := a.must(200, "GET", "/api/v1/meetups/"+m+"/outreach/draft", nil)["message"].(string)
	for _, want := range []string{"Topic: Go services on PostgreSQL", "Audience: 2 people.", "Engineering (2)", "go (2)", "13:00–14:00 UTC+03:00"} {
		if !strings.Contains(draft, want) {
			t.Errorf("draft lacks %q:\n%s", want, draft)
		}
	}
	sent := a.must(200, "POST", "/api/v1/meetups/"+m+"/outreach", map[string]any{"candidate_ids": []string{ada, boris}, "message": draft + "\nThanks!"})
	if len(sent["sent"].([]any)) != 2 {
		t.Fatalf("sent %v", sent)
	}
	again := a.must(200, "POST", "/api/v1/meetups/"+m+"/outreach", map[string]any{"candidate_ids": []string{ada, boris}, "message": "again"})
	if len(again["sent"].([]any)) != 0 || len(again["skipped"].([]any)) != 2 {
		t.Errorf("a retry sent again: %v", again)
	}
	if got := a.must(200, "GET", "/api/v1/meetups/"+m, nil)["stage"]; got != "outreach" {
		t.Errorf("stage %v", got)
	}
	c := app.Client()
	slotID := spkItems(a.must(200, "GET", "/api/v1/meetups/"+m+"/slots", nil))[0]["id"].(string)
	if res := c.PostForm(t, spkLinkPath(t, app, m, ada, models.PurposeOutreach), url.Values{"interest": {"yes"}, "slot": {slotID}}); res.Status != 303 {
		t.Fatalf("Ada's answer: %d %s", res.Status, res.Body)
	}

	a.exec(`UPDATE candidates SET contacted_at = contacted_at - interval '5 days', due_at = due_at - interval '5 days' WHERE meetup_id = $1`, m)
	if run := spkRunWork(t, app, 3); run.FollowedUp != 1 || run.NoReply != 0 {
		t.Fatalf("first pass: %+v, want one follow-up", run)
	}
	if run := spkRunWork(t, app, 3); run != (models.FollowUpRun{}) {
		t.Fatalf("second pass at the same time did %+v", run)
	}
	if st, n := a.status(boris); st != "contacted" || n != 1 {
		t.Errorf("Boris after the follow-up: %s, %d", st, n)
	}
	followUps := spkOutbox(t, a, m, models.NoticeFollowUp)
	if len(followUps) != 1 || !strings.Contains(followUps["boris@example.com"].Text, "/o/") {
		t.Errorf("follow-up mails: %v, want one to Boris with his link", followUps)
	}
	if st, n := a.status(ada); st != "interested" || n != 0 {
		t.Errorf("Ada, who answered: %s, %d", st, n)
	}
	a.exec(`UPDATE candidates SET due_at = due_at - interval '5 days' WHERE id = $1`, boris)
	if run := spkRunWork(t, app, 3); run.FollowedUp != 0 || run.NoReply != 1 {
		t.Fatalf("still silent: %+v, want no_reply", run)
	}
	if st, n := a.status(boris); st != "no_reply" || n != 1 {
		t.Errorf("Boris at the end: %s, %d", st, n)
	}
	if n := len(spkOutbox(t, a, m, models.NoticeFollowUp)); n != 1 {
		t.Errorf("%d follow-up mails at the end, want 1", n)
	}
	list := spkItems(a.must(200, "GET", "/api/v1/meetups/"+m+"/candidates", nil))
	if list[0]["answer"] != "yes" || list[0]["response_seconds"] == nil || fmt.Sprint(list[0]["slots"]) != "["+slotID+"]" {
		t.Errorf("Ada in the list: %v", list[0])
	}
}

// TestBriefSentAsDraftedGoesInEachSpeakersLanguage: the brief sent from the page as drafted (in
// English) reaches a speaker whose mail is in Russian as the Russian draft; an edited brief
// reaches everyone as written.
func TestBriefSentAsDraftedGoesInEachSpeakersLanguage(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	spkPerson(t, app, app.Team.ID, "p1@example.com", "P1", "Europe/Kyiv", "go")
	m := a.meetup("Backend lunch", "Go services", "Europe/Kyiv")
	ada := a.candidate(m, a.speaker("Ada", "ada@example.com", "go"))
	ru := a.must(201, "POST", "/api/v1/speakers", map[string]any{"name": "Борис", "email": "boris@example.com",
		"source": "contacts", "expertise": []string{"go"}, "language": "ru"})["id"].(string)
	boris := a.candidate(m, ru)
	a.slot(m, spkFirstWeekday(time.Now().Year()+1, time.June, time.Tuesday).Add(10*time.Hour))
	en := a.must(200, "GET", "/api/v1/meetups/"+m+"/outreach/draft?lang=en", nil)["message"].(string)
	ruDraft := a.must(200, "GET", "/api/v1/meetups/"+m+"/outreach/draft?lang=ru", nil)["message"].(string)
	c, csrf := organiser(t, app)
	form := url.Values{"csrf_token": {csrf}, "candidate_ids": {ada, boris}, "message": {strings.ReplaceAll(en, "\n", "\r\n")}}
	if r := c.PostForm(t, "/meetups/"+m+"/speakers/outreach", form); r.Status != 303 {
		t.Fatalf("send: %d %s", r.Status, r.Body)
	}
	briefs := map[string]string{}
	rows, err := app.Store.DB.Query(`SELECT id, brief FROM candidates WHERE meetup_id = $1`, m)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id, brief string
		_ = rows.Scan(&id, &brief)
		briefs[id] = brief
	}
	if briefs[ada] != strings.TrimSpace(en) || briefs[boris] != strings.TrimSpace(ruDraft) || en == ruDraft {
		t.Fatalf("briefs:\nAda: %s\nБорис: %s", briefs[ada], briefs[boris])
	}
	m2 := a.meetup("Second lunch", "Go services", "Europe/Kyiv")
	ids := []string{a.candidate(m2, ru)}
	a.slot(m2, spkFirstWeekday(time.Now().Year()+1, time.July, time.Tuesday).Add(10*time.Hour))
	form = url.Values{"csrf_token": {csrf}, "candidate_ids": ids, "message": {"Written by hand, in English."}}
	if r := c.PostForm(t, "/meetups/"+m2+"/speakers/outreach", form); r.Status != 303 {
		t.Fatalf("send edited: %d %s", r.Status, r.Body)
	}
	var edited string
	if err := app.Store.DB.Get(&edited, `SELECT brief FROM candidates WHERE id = $1`, ids[0]); err != nil || edited != "Written by hand, in English." {
		t.Fatalf("an edited brief: %q, %v", edited, err)
	}
}
