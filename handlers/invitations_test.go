package handlers_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// rsvpLinkRE finds a personal RSVP link in a mail's text.
var rsvpLinkRE = regexp.MustCompile(`/r/([A-Za-z0-9_-]{43})`)

// withWholeAudience gives the env's meetup an audience of the whole directory.
func withWholeAudience(t *testing.T, e *rsvpEnv, meetupID string) {
	t.Helper()
	ctx := context.Background()
	id, err := e.app.Store.CreateAudience(ctx, e.app.Team.ID, models.Audience{Name: "Everyone"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.app.Store.DB.Exec(`UPDATE meetups SET audience_id = $1 WHERE id = $2`, id, meetupID); err != nil {
		t.Fatal(err)
	}
}

// inviteAll gives the meetup the whole directory as its audience and sends the invitations.
func (e *rsvpEnv) inviteAll(t *testing.T) {
	t.Helper()
	withWholeAudience(t, e, e.meetup.ID)
	if res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/invitations/send", ""); res.Status != 200 {
		t.Fatalf("send: %d %s", res.Status, res.Body)
	}
}

func TestSendInvitations(t *testing.T) {
	e := newRSVPEnv(t, 3, 10)
	withWholeAudience(t, e, e.meetup.ID)
	path := "/api/v1/meetups/" + e.meetup.ID + "/invitations/send"
	res := e.call(t, "POST", path, "")
	if res.Status != 200 || !strings.Contains(res.Body, `"invited":3`) {
		t.Fatalf("send: %d %s", res.Status, res.Body)
	}
	var rows []struct {
		PersonID string `db:"person_id"`
		Email    string `db:"to_email"`
		Lang     string `db:"lang"`
		Key      string `db:"idempotency_key"`
		Method   string `db:"ics_method"`
		ICS      string `db:"ics"`
		Text     string `db:"text_body"`
	}
	if err := e.app.Store.DB.Select(&rows, `SELECT person_id, to_email, lang, idempotency_key, ics_method, ics, text_body
		FROM outbox WHERE meetup_id = $1 AND kind = 'invite' ORDER BY to_email`, e.meetup.ID); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("outbox rows: %d, want 3", len(rows))
	}
	for _, r := range rows {
		ics := strings.ReplaceAll(r.ICS, "\r\n ", "")
		if r.Method != "REQUEST" || !strings.Contains(ics, "METHOD:REQUEST") {
			t.Errorf("%s: method %q", r.Email, r.Method)
		}
		if !strings.Contains(ics, "RSVP=TRUE") || !regexp.MustCompile(`(?m)^ATTENDEE;[^\r\n]*:mailto:`+regexp.QuoteMeta(r.Email)).MatchString(ics) {
			t.Errorf("%s: no ATTENDEE with RSVP=TRUE:\n%s", r.Email, ics)
		}
		if !strings.HasPrefix(r.Key, "invite:"+e.meetup.ID+":"+r.PersonID+":") {
			t.Errorf("%s: key %q", r.Email, r.Key)
		}
		if !rsvpLinkRE.MatchString(r.Text) {
			t.Errorf("%s: no RSVP link in text:\n%s", r.Email, r.Text)
		}
	}
	if rows[1].Lang != "ru" {
		t.Errorf("p1 speaks Russian, mail lang %q", rows[1].Lang)
	}
	tok := rsvpLinkRE.FindStringSubmatch(rows[0].Text)[1]
	c := e.app.Client()
	if got := c.Get(t, "/r/"+tok+"?answer=yes"); got.Status != 200 {
		t.Fatalf("open link: %d", got.Status)
	}
	// The invitation comes with a calendar feed to subscribe to, before any answer.
	if feed := fetchICS(t, c, e.feedPath(t, rsvpLinkRE.FindStringSubmatch(rows[2].Text)[1]), "PUBLISH"); len(feed.Events) != 0 {
		t.Fatalf("feed of one who has not answered: %+v", feed)
	}
	if got := c.PostForm(t, "/r/"+tok, url.Values{"answer": {"yes"}, "mode": {"in_person"}}); got.Status != 200 {
		t.Fatalf("answer: %d %s", got.Status, got.Body)
	}
	var status string
	if err := e.app.Store.DB.Get(&status, `SELECT status FROM rsvps WHERE meetup_id = $1 AND person_id = $2`, e.meetup.ID, rows[0].PersonID); err != nil || status != "yes" {
		t.Fatalf("answer recorded: %q %v", status, err)
	}
	var invited int
	if err := e.app.Store.DB.Get(&invited, `SELECT count(*) FROM rsvps WHERE meetup_id = $1 AND invited_at IS NOT NULL`, e.meetup.ID); err != nil || invited != 3 {
		t.Fatalf("invited rows: %d %v", invited, err)
	}

	res = e.call(t, "POST", path, "")
	if res.Status != 200 || !strings.Contains(res.Body, `"invited":0`) {
		t.Fatalf("second send: %d %s", res.Status, res.Body)
	}
	var n int
	if err := e.app.Store.DB.Get(&n, `SELECT count(*) FROM outbox WHERE meetup_id = $1`, e.meetup.ID); err != nil || n != 3 {
		t.Fatalf("outbox after second send: %d %v", n, err)
	}

	// A person added to the directory later is invited by the next send, alone.
	if _, err := models.UpsertPerson(context.Background(), e.app.Store.DB, e.app.Team.ID,
		models.Person{Email: "late@example.com", Name: "Late", Timezone: "Europe/Berlin", Language: "en"}); err != nil {
		t.Fatal(err)
	}
	res = e.call(t, "POST", path, "")
	if res.Status != 200 || !strings.Contains(res.Body, `"invited":1`) {
		t.Fatalf("third send: %d %s", res.Status, res.Body)
	}
}

func TestSendInvitationsRefused(t *testing.T) {
	e := newRSVPEnv(t, 1, 10)
	e.app.AddUser(t, "Other Team", "rival@example.com", models.RoleOrganiser)
	rival := *e
	rival.token = e.app.Token(t, "rival@example.com")
	foreign := rival.createMeetup(t, "Theirs", "talk").ID
	res := e.call(t, "POST", "/api/v1/meetups/"+foreign+"/invitations/send", "")
	apiError(t, "foreign meetup", res, 404, "not_found")

	m := e.createMeetup(t, "Not yet", "talk")
	withWholeAudience(t, e, m.ID)
	res = e.call(t, "POST", "/api/v1/meetups/"+m.ID+"/invitations/send", "")
	if res.Status != 422 || !strings.Contains(res.Body, "not_scheduled") {
		t.Fatalf("unscheduled: %d %s", res.Status, res.Body)
	}
}

func TestSendInvitationsFromThePage(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	withWholeAudience(t, e, e.meetup.ID)
	c := loggedIn(t, e.app)
	page := c.Get(t, "/meetups/"+e.meetup.ID+"/attendees")
	if page.Status != 200 || !strings.Contains(page.Body, `id="send-invitations"`) || !strings.Contains(page.Body, "Send invitations") {
		t.Fatalf("attendees page: %d\n%s", page.Status, page.Body)
	}
	res := formPost(t, c, "/meetups/"+e.meetup.ID+"/invitations/send", page.Body, url.Values{})
	if res.Status != 303 {
		t.Fatalf("send form: %d %s", res.Status, res.Body)
	}
	page = c.Get(t, "/meetups/"+e.meetup.ID+"/attendees")
	if !strings.Contains(page.Body, `<span id="invite-queued">2</span>`) {
		t.Fatalf("counts after send:\n%s", page.Body)
	}
}

// outboxOf lists a meetup's outbox rows of a kind as "email method" lines with their ICS.
func outboxOf(t *testing.T, e *rsvpEnv, kind string) (lines []string, ics []string) {
	t.Helper()
	var rows []struct {
		Email  string `db:"to_email"`
		Method string `db:"ics_method"`
		ICS    string `db:"ics"`
	}
	if err := e.app.Store.DB.Select(&rows, `SELECT to_email, COALESCE(ics_method, '') AS ics_method, COALESCE(ics, '') AS ics FROM outbox
		WHERE meetup_id = $1 AND kind = $2 ORDER BY to_email`, e.meetup.ID, kind); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		lines = append(lines, r.Email+" "+r.Method)
		ics = append(ics, strings.ReplaceAll(r.ICS, "\r\n ", ""))
	}
	return lines, ics
}

func TestInvitedAreToldOfWaitlistAndCancellation(t *testing.T) {
	e := newRSVPEnv(t, 2, 1)
	withWholeAudience(t, e, e.meetup.ID)
	e.confirmSpeaker(t, "Guest Star", "guest@example.org", "Why PostgreSQL", time.Now().Add(7*24*time.Hour))
	if res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/invitations/send", ""); res.Status != 200 {
		t.Fatalf("send: %d %s", res.Status, res.Body)
	}
	c := e.app.Client()
	for i := range 2 {
		if res := c.PostForm(t, "/r/"+e.links[i], url.Values{"answer": {"yes"}, "mode": {"in_person"}}); res.Status != 200 {
			t.Fatalf("yes %d: %d", i, res.Status)
		}
	}
	if got, _ := outboxOf(t, e, "waitlisted"); strings.Join(got, ",") != "p1@example.com " {
		t.Fatalf("waitlisted notices: %q", got)
	}
	noticeSays(t, e, "waitlisted", "/r/"+e.links[1], "Why PostgreSQL", "Guest Star")
	if res := c.PostForm(t, "/r/"+e.links[0], url.Values{"answer": {"no"}}); res.Status != 200 {
		t.Fatalf("no: %d", res.Status)
	}
	if got, _ := outboxOf(t, e, "promoted"); strings.Join(got, ",") != "p1@example.com " {
		t.Fatalf("promoted notices: %q", got)
	}
	noticeSays(t, e, "promoted", "/r/"+e.links[1]+"/invite.ics", "Why PostgreSQL", "Guest Star")
	if res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/cancel", `{"reason":"Room flooded"}`); res.Status != 200 {
		t.Fatalf("cancel: %d %s", res.Status, res.Body)
	}
	got, ics := outboxOf(t, e, "cancel")
	// Guest Star, the speaker from outside the directory, was invited as a speaker by the send
	// (added to the directory), without the meetup's event; she holds no slot of the lineup the
	// speaker mails would tell, so she gets the cancellation, without a calendar.
	if strings.Join(got, ",") != "guest@example.org ,p0@example.com CANCEL,p1@example.com CANCEL" {
		t.Fatalf("cancellations: %q", got)
	}
	for _, s := range ics[1:] {
		if !strings.Contains(s, "METHOD:CANCEL") || !strings.Contains(s, "STATUS:CANCELLED") || !strings.Contains(s, "SEQUENCE:") {
			t.Fatalf("cancel ICS:\n%s", s)
		}
	}
}

func TestRescheduleMailsAnUpdate(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	e.inviteAll(t)
	e.schedule(t, e.meetup.ID, `{"starts_at":"`+e.start+`","location":"Room 2","online_url":"https://meet.example.com/go","capacity":5}`, 200)
	got, ics := outboxOf(t, e, "update")
	if strings.Join(got, ",") != "p0@example.com REQUEST,p1@example.com REQUEST" {
		t.Fatalf("updates: %q", got)
	}
	_, inv := outboxOf(t, e, "invite")
	seq := regexp.MustCompile(`SEQUENCE:(\d+)`)
	if a, b := seq.FindStringSubmatch(inv[0]), seq.FindStringSubmatch(ics[0]); a == nil || b == nil || a[1] >= b[1] || !strings.Contains(ics[0], "Room 2") {
		t.Fatalf("update does not raise SEQUENCE or name the room: %v %v\n%s", a, b, ics[0])
	}
}

// noticeSays fails unless the one notice of kind (to p1, in Russian) has each of the texts in
// its plain-text and HTML parts: their own RSVP link and the meetup's lineup.
func noticeSays(t *testing.T, e *rsvpEnv, kind string, texts ...string) {
	t.Helper()
	var m struct {
		Lang string `db:"lang"`
		Text string `db:"text_body"`
		HTML string `db:"html_body"`
	}
	if err := e.app.Store.DB.Get(&m, `SELECT lang, text_body, html_body FROM outbox WHERE meetup_id = $1 AND kind = $2`,
		e.meetup.ID, kind); err != nil {
		t.Fatal(err)
	}
	for _, s := range texts {
		if m.Lang != "ru" || !strings.Contains(m.Text, s) || !strings.Contains(m.HTML, s) {
			t.Fatalf("%s notice (%s) lacks %q:\n%s", kind, m.Lang, s, m.Text)
		}
	}
}
