package handlers_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestCancelMeetup: the API cancels once with a reason and a higher SEQUENCE; the RSVP page then
// says so, the invite file is a CANCEL, the feed drops the meetup and answers are refused.
func TestCancelMeetup(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	e.answerAs(t, 0, url.Values{"answer": {"yes"}})
	feedPath := e.feedPath(t, e.links[0])
	if res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/cancel", `{"reason":"`+strings.Repeat("x", 1001)+`"}`); res.Status != 422 {
		t.Fatalf("long reason: %d", res.Status)
	}
	res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/cancel", `{"reason":"The speaker is ill"}`)
	var m struct {
		Stage        string `json:"stage"`
		CancelReason string `json:"cancel_reason"`
	}
	if res.Status != 200 || json.Unmarshal([]byte(res.Body), &m) != nil || m.Stage != "cancelled" || m.CancelReason != "The speaker is ill" {
		t.Fatalf("cancel: %d %s", res.Status, res.Body)
	}
	if res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/cancel", `{"reason":"again"}`); res.Status != 409 {
		t.Fatalf("second cancel: %d", res.Status)
	}
	c := e.app.Client()
	if page := c.Get(t, "/r/"+e.links[0]); !strings.Contains(page.Body, "This meetup is cancelled.") || !strings.Contains(page.Body, "The speaker is ill") {
		t.Fatalf("RSVP page after the cancellation:\n%s", page.Body)
	}
	if ev := fetchICS(t, c, "/r/"+e.links[0]+"/invite.ics", "CANCEL").Events[0]; ev.Sequence != 1 || ev.Status != "CANCELLED" {
		t.Fatalf("invite after the cancellation: %+v", ev)
	}
	if feed := fetchICS(t, c, feedPath, "PUBLISH"); len(feed.Events) != 0 {
		t.Fatalf("feed still lists the cancelled meetup: %+v", feed)
	}
	if res := c.PostForm(t, "/r/"+e.links[0], url.Values{"answer": {"no"}}); res.Status != 409 {
		t.Fatalf("answer after the cancellation: %d", res.Status)
	}
	_, other := e.app.AddUser(t, "Other Team", "other@example.com", "organiser")
	res = e.api.Do(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/cancel", "application/json", strings.NewReader(`{}`), "Authorization", "Bearer "+e.app.Token(t, other.Email))
	if res.Status != 404 {
		t.Fatalf("another team's cancel: %d", res.Status)
	}
}

// TestCancelFromThePage cancels through the schedule page's form.
func TestCancelFromThePage(t *testing.T) {
	e := newRSVPEnv(t, 0, 5)
	c := e.app.Client()
	c.Login(t, e.app.User.Email, testutil.Password)
	page := c.Get(t, "/meetups/"+e.meetup.ID+"/schedule")
	form := url.Values{"csrf_token": {testutil.CSRF(t, page.Body)}, "reason": {"Room flooded"}}
	res := c.PostForm(t, "/meetups/"+e.meetup.ID+"/cancel", form)
	if res.Status != 422 || !strings.Contains(res.Body, `id="e-confirm">Tick the box to confirm the cancellation.`) ||
		!strings.Contains(res.Body, `value="Room flooded"`) {
		t.Fatalf("cancel without the tick: %d\n%s", res.Status, res.Body)
	}
	var stage string
	if err := e.app.Store.DB.Get(&stage, `SELECT stage FROM meetups WHERE id = $1`, e.meetup.ID); err != nil || stage != "scheduled" {
		t.Fatalf("after a refused cancel the meetup is %q (%v)", stage, err)
	}
	form.Set("reason", strings.Repeat("é", 1001))
	form.Set("confirm", "yes")
	if res := c.PostForm(t, "/meetups/"+e.meetup.ID+"/cancel", form); res.Status != 422 || !strings.Contains(res.Body, `id="e-reason">At most 1000 characters.`) {
		t.Fatalf("cancel with a long reason: %d\n%s", res.Status, res.Body)
	}
	form.Set("reason", "Room flooded")
	res = c.PostForm(t, "/meetups/"+e.meetup.ID+"/cancel", form)
	if res.Status != 303 {
		t.Fatalf("cancel form: %d", res.Status)
	}
	if page := c.Get(t, "/meetups/"+e.meetup.ID); !strings.Contains(page.Body, "The meetup is cancelled.") || !strings.Contains(page.Body, "Room flooded") {
		t.Fatalf("meetup page:\n%s", page.Body)
	}
}
