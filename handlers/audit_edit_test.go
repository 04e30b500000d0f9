package handlers_test

import (
	"strings"
	"testing"
	"time"
)

// TestAuditShowsAnEditOfAScheduledMeetup: moving a scheduled meetup to another room and hour
// shows on the audit page as one line per changed field, "field: old → new" with the times as
// the page's other dates, in English and in Russian, never as a Go map.
func TestAuditShowsAnEditOfAScheduledMeetup(t *testing.T) {
	e := newRSVPEnv(t, 1, 10)
	berlin := mustZone(t, "Europe/Berlin")
	day := e.start[:len("2006-01-02")]
	res := e.call(t, "PATCH", "/api/v1/meetups/"+e.meetup.ID, `{"location":"Room 2","starts_at":"`+day+`T14:30"}`)
	if res.Status != 200 {
		t.Fatalf("edit: %d %s", res.Status, res.Body)
	}
	at := func(clock string) string {
		tm, err := time.ParseInLocation("2006-01-02T15:04", day+"T"+clock, berlin)
		if err != nil {
			t.Fatal(err)
		}
		return tm.UTC().Format("2006-01-02 15:04 UTC")
	}
	c := loggedIn(t, e.app)
	en := c.Get(t, "/audit").Body
	for _, want := range []string{"<li><small>Location: Room 1 → Room 2</small></li>",
		"<li><small>Starts: " + at("12:00") + " → " + at("14:30") + "</small></li>",
		"<li><small>Ends: " + at("13:00") + " → " + at("15:30") + "</small></li>"} {
		if !strings.Contains(en, want) {
			t.Errorf("the audit page lacks %q", want)
		}
	}
	if strings.Contains(en, "map[") || strings.Contains(en, "Title:") {
		t.Errorf("the edit shows a Go map or a field it did not change:\n%s", auditDetails(en))
	}
	if err := e.app.Store.SetUserLang(t.Context(), e.app.User.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	ru := loggedIn(t, e.app).Get(t, "/audit").Body
	for _, want := range []string{"Место: Room 1 → Room 2", "Начало: " + at("12:00") + " → " + at("14:30")} {
		if !strings.Contains(ru, want) {
			t.Errorf("the Russian audit page lacks %q:\n%s", want, auditDetails(ru))
		}
	}
}

// auditDetails is the detail cells of an audit page, for a failure message.
func auditDetails(body string) string {
	var out []string
	for _, part := range strings.Split(body, `<td class="audit-detail">`)[1:] {
		out = append(out, part[:strings.Index(part, "</td>")])
	}
	return strings.Join(out, "\n")
}
