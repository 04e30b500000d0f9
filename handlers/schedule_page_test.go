package handlers_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
)

// TestSchedulePageDSTChoices walks the organiser's form: a gap offers the shifted time, an
// overlap asks which, a preview shows the audience's local times, and saving schedules.
func TestSchedulePageDSTChoices(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	m := e.createMeetup(t, "Form talk", "talk")
	c, page := e.schedulePage(t, m.ID)
	if page.Status != 200 || !strings.Contains(page.Body, "Europe/Berlin") {
		t.Fatalf("schedule page: %d", page.Status)
	}
	form := url.Values{"csrf_token": {testutil.CSRF(t, page.Body)}, "starts_at": {dstDays("{gap}T02:30")}, "location": {"Room 3"},
		"capacity": {"12"}, "action": {"save"}}
	res := c.PostForm(t, "/meetups/"+m.ID+"/schedule", form)
	if res.Status != 422 || !strings.Contains(res.Body, "does not exist in Europe/Berlin") || !strings.Contains(res.Body, dstDays(`name="use_start" value="{gap}T03:30"`)) {
		t.Fatalf("gap: %d\n%s", res.Status, res.Body)
	}
	form.Set("use_start", dstDays("{gap}T03:30"))
	form.Set("action", "preview")
	res = c.PostForm(t, "/meetups/"+m.ID+"/schedule", form)
	if res.Status != 200 || !strings.Contains(res.Body, dstDays("Sun {gapDay}, 03:30–04:30 (Europe/Berlin, UTC&#43;02:00)")) ||
		!strings.Contains(res.Body, "Asia/Yekaterinburg") || !strings.Contains(res.Body, "06:30–07:30 (Asia/Yekaterinburg, UTC&#43;05:00)") {
		t.Fatalf("preview: %d\n%s", res.Status, res.Body)
	}
	form.Del("use_start")
	form.Set("starts_at", dstDays("{overlap}T02:30"))
	res = c.PostForm(t, "/meetups/"+m.ID+"/schedule", form)
	if res.Status != 422 || !strings.Contains(res.Body, `id="fold-earlier"`) || !strings.Contains(res.Body, dstDays("Sun {overlapDay}, 02:30 (Europe/Berlin, UTC&#43;01:00)")) {
		t.Fatalf("overlap: %d\n%s", res.Status, res.Body)
	}
	form.Set("fold", "later")
	form.Set("action", "save")
	res = c.PostForm(t, "/meetups/"+m.ID+"/schedule", form)
	if res.Status != 303 || res.Header.Get("Location") != "/meetups/"+m.ID {
		t.Fatalf("save: %d %s", res.Status, res.Body)
	}
	page = c.Get(t, "/meetups/"+m.ID)
	if !strings.Contains(page.Body, "The meetup is scheduled.") || !strings.Contains(page.Body, dstDays("{overlap} 02:30 CET (UTC&#43;01:00)")) {
		t.Fatalf("meetup page after saving: %d %v\n%s", page.Status, page.Header, page.Body)
	}
	form.Set("capacity", "lots")
	if res := c.PostForm(t, "/meetups/"+m.ID+"/schedule", form); res.Status != 422 || !strings.Contains(res.Body, `id="e-capacity"`) {
		t.Fatalf("bad capacity: %d", res.Status)
	}
}

// TestScheduleAsksForSeatsNotDecided: a meetup created with 0 seats (not decided yet) gets an
// empty seats field on the schedule page, not a 0 it would refuse; leaving it empty says it is
// required, a number schedules.
func TestScheduleAsksForSeatsNotDecided(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	res := e.call(t, "POST", "/api/v1/meetups", `{"title":"Seats later","format":"talk","timezone":"Europe/Berlin","capacity":0}`)
	var m struct{ ID string }
	if res.Status != 201 || json.Unmarshal([]byte(res.Body), &m) != nil {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	c, page := e.schedulePage(t, m.ID)
	if !strings.Contains(page.Body, `name="capacity" type="number" value=""`) && !strings.Contains(page.Body, `name="capacity" value=""`) {
		t.Fatalf("the seats field is not empty:\n%s", page.Body)
	}
	form := url.Values{"csrf_token": {testutil.CSRF(t, page.Body)}, "starts_at": {dstDays("{mar10}T12:00")}, "location": {"Room 3"},
		"capacity": {""}, "action": {"save"}}
	wantPage(t, c.PostForm(t, "/meetups/"+m.ID+"/schedule", form), 422, `id="e-capacity">This field is required.`)
	form.Set("capacity", "12")
	wantPage(t, c.PostForm(t, "/meetups/"+m.ID+"/schedule", form), 303)
}

// TestScheduleSuggestsTheLineupsTimes: for a meetup not scheduled yet, the schedule form offers
// the confirmed speakers' slots, first start to last end, in the meetup's time zone.
func TestScheduleSuggestsTheLineupsTimes(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	e.meetup = e.createMeetup(t, "Lineup first", "talk")
	at := time.Date(time.Now().Year()+1, 1, 14, 12, 0, 0, 0, time.UTC) // never in the past
	e.confirmSpeaker(t, "Second", "second@example.org", "Later talk", at.Add(30*time.Minute))
	e.confirmSpeaker(t, "First", "first@example.org", "Opening talk", at)
	_, page := e.schedulePage(t, e.meetup.ID)
	wantPage(t, page, 200, dstDays(`value="{year}-01-14T13:00"`), dstDays(`value="{year}-01-14T13:50"`))
}

// TestScheduleShowsEveryProblemAtOnce: seats that are not a number, a link without a scheme and
// reminders that cannot be read are all flagged in one answer.
func TestScheduleShowsEveryProblemAtOnce(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	m := e.createMeetup(t, "Many mistakes", "talk")
	c, page := e.schedulePage(t, m.ID)
	form := url.Values{"csrf_token": {testutil.CSRF(t, page.Body)}, "starts_at": {dstDays("{mar10}T12:00")}, "location": {"Room 3"},
		"online_url": {"meet.example.com"}, "capacity": {"many"}, "reminders": {"tomorrow, 5x"}, "action": {"save"}}
	wantPage(t, c.PostForm(t, "/meetups/"+m.ID+"/schedule", form), 422,
		`id="e-capacity">Enter a whole number.`, `id="e-online_url">`, `id="e-reminders">`)
}

// schedulePage logs the organiser in and opens a meetup's schedule page.
func (e *rsvpEnv) schedulePage(t *testing.T, meetupID string) (*testutil.Client, testutil.Response) {
	t.Helper()
	c := e.app.Client()
	c.Login(t, e.app.User.Email, testutil.Password)
	return c, c.Get(t, "/meetups/"+meetupID+"/schedule")
}
