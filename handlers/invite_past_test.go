package handlers_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// inviteRows counts the meetup's invitation mails in the outbox, and those to addr.
func inviteRows(t *testing.T, e *rsvpEnv, addr string) (all, to int) {
	t.Helper()
	db := e.app.Store.DB
	db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE lower(to_email) = lower($2)) FROM outbox
		WHERE meetup_id = $1 AND kind = 'invite'`, e.meetup.ID, addr).Scan(&all, &to)
	return all, to
}

// walkIn adds a walk-in, new to the directory, at the door.
func (e *rsvpEnv) walkIn(t *testing.T, addr string) {
	t.Helper()
	e.attendance(t, "POST", `{"emails":["`+addr+`"],"walk_in":true,"names":{"`+addr+`":"Walk In"}}`, 200)
}

// TestNoInvitationsOnceTheMeetupIsOver: a meetup whose end has passed invites nobody, neither
// its audience nor its confirmed speakers: the API says 422 meetup over, the page's button is
// disabled and says why, its form sends nothing, and no invitation reaches the outbox.
func TestNoInvitationsOnceTheMeetupIsOver(t *testing.T) {
	e := newRSVPEnv(t, 3, 10)
	aud, err := e.app.Store.CreateAudience(context.Background(), e.app.Team.ID, models.Audience{Name: "Not p2", ExcludeEmails: []string{"p2@example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	e.app.Store.DB.MustExec(`UPDATE meetups SET audience_id = $1 WHERE id = $2`, aud, e.meetup.ID)
	e.confirmSpeaker(t, "Person Two", "p2@example.com", "Generics in practice", time.Now().Add(-3*time.Hour))
	e.walkIn(t, "door@example.com")
	e.app.Store.DB.MustExec(`UPDATE meetups SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours' WHERE id = $1`, e.meetup.ID)

	res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/invitations/send", "")
	var body struct {
		Error struct {
			Code   string            `json:"code"`
			Fields map[string]string `json:"fields"`
		} `json:"error"`
	}
	if res.Status != 422 || json.Unmarshal([]byte(res.Body), &body) != nil || body.Error.Code != "invalid" ||
		!strings.Contains(body.Error.Fields["meetup"], "The meetup is over") {
		t.Fatalf("send after the end: %d %s", res.Status, res.Body)
	}
	c := loggedIn(t, e.app)
	page := c.Get(t, "/meetups/"+e.meetup.ID+"/attendees")
	if page.Status != 200 || !strings.Contains(page.Body, `id="send-invitations-button" disabled>The meetup is over: invitations are no longer sent<`) ||
		strings.Contains(page.Body, "Send invitations to") {
		t.Fatalf("attendees page after the end: %d\n%s", page.Status, page.Body)
	}
	if res := formPost(t, c, "/meetups/"+e.meetup.ID+"/invitations/send", page.Body, url.Values{}); res.Status != 303 {
		t.Fatalf("send form after the end: %d %s", res.Status, res.Body)
	}
	if page = c.Get(t, "/meetups/"+e.meetup.ID+"/attendees"); !strings.Contains(page.Body, "The meetup is over: no invitations were sent.") {
		t.Fatalf("no refusal after the form:\n%s", page.Body)
	}
	if all, _ := inviteRows(t, e, ""); all != 0 {
		t.Fatalf("%d invitations queued for a meetup that is over", all)
	}
	var invited int
	e.app.Store.DB.Get(&invited, `SELECT count(*) FROM rsvps WHERE meetup_id = $1 AND invited_at IS NOT NULL`, e.meetup.ID)
	if invited != 0 {
		t.Fatalf("%d marked invited", invited)
	}
}

// TestWalkInsAreNeverInvited: a walk-in added at the door of a meetup still to come is neither
// counted by the send button nor mailed by the send; everyone else of the audience is.
func TestWalkInsAreNeverInvited(t *testing.T) {
	e := newRSVPEnv(t, 3, 10)
	withWholeAudience(t, e, e.meetup.ID)
	srv := startMailDelivery(t, e.app)
	e.walkIn(t, "door@example.com")
	c := loggedIn(t, e.app)
	page := c.Get(t, "/meetups/"+e.meetup.ID+"/attendees")
	if !strings.Contains(page.Body, "Send invitations to 3 people<") {
		t.Fatalf("the button should name the 3 invitees, not the walk-in:\n%s", page.Body)
	}
	res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/invitations/send", "")
	if res.Status != 200 || !strings.Contains(res.Body, `"invited":3`) {
		t.Fatalf("send: %d %s", res.Status, res.Body)
	}
	srv.WaitCount(t, 3, 20*time.Second)
	if all, door := inviteRows(t, e, "door@example.com"); all != 3 || door != 0 {
		t.Fatalf("invitations: %d, to the walk-in %d", all, door)
	}
	for _, m := range srv.Messages() {
		if strings.EqualFold(m.To[0], "door@example.com") {
			t.Fatalf("the walk-in got mail:\n%s", m.Raw)
		}
	}
	if page = c.Get(t, "/meetups/"+e.meetup.ID+"/attendees"); !strings.Contains(page.Body, "Everyone in the audience has the invitation") {
		t.Fatalf("after the send the button should offer nobody:\n%s", page.Body)
	}
}
