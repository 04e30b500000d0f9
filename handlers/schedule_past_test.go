package handlers_test

import (
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
)

// startsAt reads a meetup's stored start ("" when it has none).
func (e *rsvpEnv) startsAt(t *testing.T, id string) string {
	t.Helper()
	var s *time.Time
	if err := e.app.Store.DB.Get(&s, `SELECT starts_at FROM meetups WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	if s == nil {
		return ""
	}
	return s.UTC().Format(time.RFC3339)
}

// TestSchedulePageRefusesAPastStart: checking or saving a start that has passed shows the
// field error with the typed time kept, and neither a new nor an invited meetup changes.
func TestSchedulePageRefusesAPastStart(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	e.inviteAll(t)
	fresh := e.createMeetup(t, "Too late", "talk")
	for _, id := range []string{fresh.ID, e.meetup.ID} {
		before, seq := e.startsAt(t, id), e.sequence(t)
		c, page := e.schedulePage(t, id)
		form := url.Values{"csrf_token": {testutil.CSRF(t, page.Body)}, "starts_at": {"2020-12-17T12:30"},
			"location": {"Room 3"}, "capacity": {"12"}}
		for _, action := range []string{"preview", "save"} {
			form.Set("action", action)
			wantPage(t, c.PostForm(t, "/meetups/"+id+"/schedule", form), 422,
				`id="e-starts_at">This time is in the past.`, `value="2020-12-17T12:30"`)
		}
		if got := e.startsAt(t, id); got != before || e.sequence(t) != seq || len(e.updates(t)) != 0 {
			t.Fatalf("%s: start %q (was %q), SEQUENCE %d (was %d), %d updates mailed", id, got, before, e.sequence(t), seq, len(e.updates(t)))
		}
	}
}

// TestAPIRefusesAPastStart: after the invitations went out, neither PATCH nor schedule takes a
// start in the past: 422 naming starts_at, nothing saved, nobody mailed.
func TestAPIRefusesAPastStart(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	e.inviteAll(t)
	path, before, seq := "/api/v1/meetups/"+e.meetup.ID, e.startsAt(t, e.meetup.ID), e.sequence(t)
	for _, tc := range []struct{ method, path, body string }{
		{"PATCH", path, `{"starts_at":"2020-01-01T10:00:00Z"}`},
		{"PATCH", path, `{"title":"Moved back","starts_at":"2020-01-01T11:00"}`},
		{"POST", path + "/schedule", `{"starts_at":"2020-01-01T10:00:00Z","location":"Room 2","capacity":5}`},
	} {
		b := apiError(t, tc.method+" "+tc.body, e.call(t, tc.method, tc.path, tc.body), 422, "invalid")
		if b.Error.Fields["starts_at"] != "This time is in the past." {
			t.Fatalf("%s %s: fields %v", tc.method, tc.body, b.Error.Fields)
		}
	}
	var title string
	if err := e.app.Store.DB.Get(&title, `SELECT title FROM meetups WHERE id = $1`, e.meetup.ID); err != nil || title == "Moved back" {
		t.Fatalf("title %q, %v", title, err)
	}
	if got := e.startsAt(t, e.meetup.ID); got != before || e.sequence(t) != seq || len(e.updates(t)) != 0 {
		t.Fatalf("start %q (was %q), SEQUENCE %d (was %d), %d updates mailed", got, before, e.sequence(t), seq, len(e.updates(t)))
	}
}

// TestAMeetupUnderwayKeepsItsStart: once a scheduled meetup has begun, its title, room and
// schedule form can still be saved with the start it has; only a new past start is refused.
func TestAMeetupUnderwayKeepsItsStart(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	e.inviteAll(t)
	if _, err := e.app.Store.DB.Exec(`UPDATE meetups SET starts_at = now() - interval '30 minutes',
		ends_at = now() + interval '30 minutes' WHERE id = $1`, e.meetup.ID); err != nil {
		t.Fatal(err)
	}
	path := "/api/v1/meetups/" + e.meetup.ID
	for _, body := range []string{`{"title":"Still going"}`, `{"description":"Slides later"}`, `{"location":"Room 9"}`} {
		if res := e.call(t, "PATCH", path, body); res.Status != 200 {
			t.Fatalf("PATCH %s: %d %s", body, res.Status, res.Body)
		}
	}
	c, page := e.schedulePage(t, e.meetup.ID)
	m := regexp.MustCompile(`name="starts_at" type="datetime-local" value="([^"]+)"`).FindStringSubmatch(page.Body)
	if m == nil {
		t.Fatalf("no start on the form:\n%s", page.Body)
	}
	start, _ := time.Parse("2006-01-02T15:04", m[1])
	form := url.Values{"csrf_token": {testutil.CSRF(t, page.Body)}, "starts_at": {m[1]},
		"location": {"Room 10"}, "capacity": {"5"}, "action": {"save"}}
	wantPage(t, c.PostForm(t, "/meetups/"+e.meetup.ID+"/schedule", form), 303)
	form.Set("starts_at", start.Add(-time.Hour).Format("2006-01-02T15:04"))
	wantPage(t, c.PostForm(t, "/meetups/"+e.meetup.ID+"/schedule", form), 422, `id="e-starts_at">This time is in the past.`)
}
