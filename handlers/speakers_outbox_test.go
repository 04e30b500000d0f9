package handlers_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// spkOutbox reads the outbox rows of a meetup of one kind, by recipient.
func spkOutbox(t *testing.T, a *spkAPI, meetupID, kind string) map[string]models.OutboxRow {
	t.Helper()
	var rows []models.OutboxRow
	err := a.store.DB.Select(&rows, `SELECT id, team_id, meetup_id, person_id, kind, lang, to_email, to_name, from_addr,
		subject, text_body, html_body, coalesce(ics, '') AS ics, coalesce(ics_method, '') AS ics_method, message_id,
		status, attempts, coalesce(last_error, '') AS last_error, next_attempt_at, send_by, expires_at, sent_at, created_at
		FROM outbox WHERE meetup_id = $1 AND kind = $2`, meetupID, kind)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]models.OutboxRow{}
	for _, r := range rows {
		if _, dup := out[r.ToEmail]; dup {
			t.Errorf("two %s rows to %s", kind, r.ToEmail)
		}
		out[r.ToEmail] = r
	}
	return out
}

// spkMailPath finds the personal link with prefix ("/o/", "/c/") in a mail's text and returns its path.
func spkMailPath(t *testing.T, text, prefix string) string {
	t.Helper()
	raw := regexp.MustCompile(`https?://\S+` + regexp.QuoteMeta(prefix) + `[A-Za-z0-9_\-]+`).FindString(text)
	if raw == "" {
		t.Fatalf("no %s link in the mail:\n%s", prefix, text)
	}
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Path
}

// TestSpeakerMailInOutbox: sending the brief enqueues one outbox row per candidate whose /o/ link
// opens the reply page; a repeat enqueues nothing more; the /c/ link of the confirm request works
// and confirming enqueues the calendar invite (METHOD REQUEST).
func TestSpeakerMailInOutbox(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m := a.meetup("Backend lunch", "Go", "Europe/Kyiv")
	ada := a.candidate(m, a.speaker("Ada", "ada@example.com", "go"))
	boris := a.candidate(m, a.speaker("Boris", "boris@example.com", "postgres"))
	slot := a.slot(m, time.Now().Add(120*time.Hour).Truncate(time.Hour))
	for i := 0; i < 2; i++ {
		a.must(200, "POST", "/api/v1/meetups/"+m+"/outreach", map[string]any{"candidate_ids": []string{ada, boris}, "message": "Our brief."})
	}
	briefs := spkOutbox(t, a, m, models.NoticeBrief)
	if len(briefs) != 2 {
		t.Fatalf("%d brief rows, want 2: %v", len(briefs), briefs)
	}
	var adaBrief string
	for _, email := range []string{"ada@example.com", "boris@example.com"} {
		r, ok := briefs[email]
		if !ok {
			t.Fatalf("no brief to %s", email)
		}
		if r.Status != models.OutboxQueued || r.TeamID != app.Team.ID || r.PersonID == nil || r.Subject == "" ||
			!strings.Contains(r.Text, "Our brief.") || r.ICS != "" {
			t.Errorf("brief to %s: %+v", email, r)
		}
		p := spkMailPath(t, r.Text, "/o/")
		if res := app.Client().Get(t, p); res.Status != 200 {
			t.Errorf("%s's /o/ link: %d %s", email, res.Status, res.Body)
		}
		if email == "ada@example.com" {
			adaBrief = p
		}
	}

	if res := app.Client().PostForm(t, adaBrief, url.Values{"interest": {"yes"}, "slot": {slot}, "talk_title": {"Channels"}}); res.Status != 303 {
		t.Fatalf("Ada answers: %d %s", res.Status, res.Body)
	}
	a.must(200, "POST", "/api/v1/meetups/"+m+"/lineup", map[string]any{"speakers": []any{spkPick(ada, slot)}})
	ask, ok := spkOutbox(t, a, m, models.NoticeConfirmRequest)["ada@example.com"]
	if !ok {
		t.Fatal("no confirm request to Ada")
	}
	if res := app.Client().PostForm(t, spkMailPath(t, ask.Text, "/c/"), url.Values{"confirm": {"yes"}}); res.Status != 303 {
		t.Fatalf("Ada confirms: %d %s", res.Status, res.Body)
	}
	invite, ok := spkOutbox(t, a, m, models.NoticeConfirmed)["ada@example.com"]
	if !ok {
		t.Fatal("no invite to the confirmed speaker")
	}
	if invite.ICSMethod != "REQUEST" || !strings.Contains(invite.ICS, "METHOD:REQUEST") || !strings.Contains(invite.ICS, "BEGIN:VEVENT") {
		t.Errorf("invite ICS method %q:\n%s", invite.ICSMethod, invite.ICS)
	}
}
