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

// sendButtonRE finds the attendees page's send button: its attributes and its label.
var sendButtonRE = regexp.MustCompile(`<button type="submit"([^>]*) id="send-invitations-button"([^>]*)>([^<]*)</button>`)

// sendButton is the send button's class and disabled attributes and its label.
func sendButton(t *testing.T, body string) (attrs, label string) {
	t.Helper()
	m := sendButtonRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no send button:\n%s", body)
	}
	return m[1] + m[2], m[3]
}

// TestInviteButtonSaysWhomItMails: the send button is a primary button naming how many it
// would invite; the send's flash says how many were; once everyone has the invitation the
// button is disabled and says so, and a send anyway says nobody was new. In English and
// Russian; the answers line has no stray separator.
func TestInviteButtonSaysWhomItMails(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	withWholeAudience(t, e, e.meetup.ID)
	c := loggedIn(t, e.app)
	path := "/meetups/" + e.meetup.ID + "/attendees"
	page := c.Get(t, path).Body
	if attrs, label := sendButton(t, page); attrs != ` class="primary"` || label != "Send invitations to 2 people" {
		t.Fatalf("before the send the button is %q %q", attrs, label)
	}
	if m := regexp.MustCompile(`<dd id="answer-counts">([^<]*)</dd>`).FindStringSubmatch(page); m == nil ||
		m[1] != "Invited: 0 · Yes: 0 · Maybe: 0 · No: 0 · Waitlisted: 0" {
		t.Fatalf("answers line: %q", m)
	}
	if res := formPost(t, c, "/meetups/"+e.meetup.ID+"/invitations/send", page, url.Values{}); res.Status != 303 {
		t.Fatalf("send: %d", res.Status)
	}
	page = c.Get(t, path).Body
	attrs, label := sendButton(t, page)
	if !strings.Contains(page, `<p class="flash" role="status">Invited 2 people: the invitations are on their way.</p>`) ||
		attrs != ` class="primary" disabled` || label != "Everyone in the audience has the invitation" {
		t.Fatalf("after the send: button %q %q\n%s", attrs, label, page)
	}
	mustExec(t, e, `UPDATE users SET lang = 'ru' WHERE id = $1`, e.app.User.ID)
	if res := formPost(t, c, "/meetups/"+e.meetup.ID+"/invitations/send", page, url.Values{}); res.Status != 303 {
		t.Fatalf("second send: %d", res.Status)
	}
	page = c.Get(t, path).Body
	if _, label := sendButton(t, page); label != "Приглашение уже есть у всех из аудитории" ||
		!strings.Contains(page, "Приглашать некого: приглашение уже есть у всех из аудитории.") {
		t.Fatalf("Russian page after a send to nobody: %q\n%s", label, page)
	}
}

// TestInviteButtonCountsSpeakers: the button counts whom a send reaches, the confirmed speakers
// outside the audience included and an invitee who became a speaker counted once more, and
// without an audience it is disabled and asks for one.
func TestInviteButtonCountsSpeakers(t *testing.T) {
	e := newRSVPEnv(t, 3, 10)
	c := loggedIn(t, e.app)
	path := "/meetups/" + e.meetup.ID + "/attendees"
	if attrs, label := sendButton(t, c.Get(t, path).Body); attrs != ` class="primary" disabled` || label != "Choose the meetup&#39;s audience first." {
		t.Fatalf("without an audience the button is %q %q", attrs, label)
	}
	aud, err := e.app.Store.CreateAudience(context.Background(), e.app.Team.ID, models.Audience{Name: "Not p2", ExcludeEmails: []string{"p2@example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, e, `UPDATE meetups SET audience_id = $1 WHERE id = $2`, aud, e.meetup.ID)
	start := time.Now().Add(7 * 24 * time.Hour)
	e.confirmSpeaker(t, "Person Two", "P2@example.com", "Generics in practice", start)
	if _, label := sendButton(t, c.Get(t, path).Body); label != "Send invitations to 3 people" {
		t.Fatalf("with a speaker outside the audience: %q", label)
	}
	e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/invitations/send", "")
	e.confirmSpeaker(t, "Person Zero", "p0@example.com", "Why PostgreSQL", start.Add(30*time.Minute))
	if _, label := sendButton(t, c.Get(t, path).Body); label != "Send the invitation to 1 person" {
		t.Fatalf("with an invitee now a speaker: %q", label)
	}
	if res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/invitations/send", ""); !strings.Contains(res.Body, `"invited":1`) {
		t.Fatalf("the send after: %s", res.Body)
	}
}
