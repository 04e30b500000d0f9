package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// tableRows is a snapshot of what the organiser's forms could change.
func tableRows(t *testing.T, app *testutil.App) string {
	t.Helper()
	var s string
	if err := app.Store.DB.Get(&s, `SELECT concat_ws('|',
		(SELECT string_agg(email || name || department || location, ',' ORDER BY email) FROM people),
		(SELECT string_agg(title || coalesce(topic, '') || coalesce(location, ''), ',' ORDER BY title) FROM meetups))`); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestOrganiserFormsInvalidUTF8AreFieldErrors: text that is not UTF-8 in the person, meetup and
// topic forms comes back as the error next to that field, the page valid UTF-8 with the input
// kept (unreadable bytes shown as U+FFFD), and nothing changes.
func TestOrganiserFormsInvalidUTF8AreFieldErrors(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	api.importCSV(t, fiveCSV, 200)
	var list struct{ Items []person }
	api.json(t, "GET", "/api/v1/people?q=a@x.com", nil, 200, &list)
	c, csrf := organiser(t, app)
	m := struct{ ID string }{}
	api.json(t, "POST", "/api/v1/meetups", `{"title":"Kept","format":"talk","timezone":"Europe/Berlin"}`, 201, &m)
	before := tableRows(t, app)
	person := url.Values{"csrf_token": {csrf}, "email": {"a@x.com"}, "name": {badUTF8}, "timezone": {"UTC"}, "language": {"en"}}
	r := c.PostForm(t, "/people/"+list.Items[0].ID, person)
	wantUTF8FieldError(t, "person name", r, "name", utf8MessageEN)
	if !strings.Contains(r.Body, `value="Caf`+"\uFFFD"+` talk `+"\uFFFD"+`"`) {
		t.Fatalf("the refused name is not shown back readable:\n%s", r.Body)
	}
	meetup := url.Values{"csrf_token": {csrf}, "title": {badUTF8}, "format": {"talk"}, "timezone": {"Europe/Berlin"}}
	wantUTF8FieldError(t, "meetup title", c.PostForm(t, "/meetups", meetup), "title", utf8MessageEN)
	topic := url.Values{"csrf_token": {csrf}, "topic": {badUTF8}}
	wantUTF8FieldError(t, "meetup topic", c.PostForm(t, "/meetups/"+m.ID+"/topic", topic), "topic", utf8MessageEN)
	if after := tableRows(t, app); after != before {
		t.Fatalf("text that is not UTF-8 changed the database:\n%s\n%s", before, after)
	}
}

// TestScheduleAndRSVPInvalidUTF8AreFieldErrors: a room that is not UTF-8 in the schedule form,
// and dietary needs that are not UTF-8 on an employee's RSVP page, come back as the error next to
// that field; the meetup stays unscheduled and the answer unrecorded.
func TestScheduleAndRSVPInvalidUTF8AreFieldErrors(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	m := e.createMeetup(t, "Room talk", "talk")
	c, page := e.schedulePage(t, m.ID)
	form := url.Values{"csrf_token": {testutil.CSRF(t, page.Body)}, "starts_at": {dstDays("{mar10}T12:00")}, "location": {badUTF8},
		"capacity": {"12"}, "action": {"save"}}
	wantUTF8FieldError(t, "schedule room", c.PostForm(t, "/meetups/"+m.ID+"/schedule", form), "location", utf8MessageEN)
	var scheduled bool
	if err := e.app.Store.DB.Get(&scheduled, `SELECT starts_at IS NOT NULL FROM meetups WHERE id = $1`, m.ID); err != nil || scheduled {
		t.Fatalf("the meetup was scheduled (%v)", err)
	}
	e.inviteAll(t)
	rsvp := url.Values{"answer": {"yes"}, "mode": {"in_person"}, "dietary": {badUTF8}}
	wantUTF8FieldError(t, "dietary", e.app.Client().PostForm(t, "/r/"+e.links[1], rsvp), "dietary", utf8MessageRU)
	var answered int
	if err := e.app.Store.DB.Get(&answered, `SELECT count(*) FROM rsvps WHERE meetup_id = $1 AND status <> 'invited'`, e.meetup.ID); err != nil || answered != 0 {
		t.Fatalf("%d answers recorded (%v)", answered, err)
	}
}
