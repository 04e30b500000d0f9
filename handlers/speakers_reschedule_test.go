package handlers_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// rescheduleEnv is a meetup in Europe/Berlin with a confirmed English speaker (Ada, 12:30–13:15),
// a confirmed Russian one (Oleg, 13:15–13:30) and one still asked (Zoe, 13:30–13:45), scheduled
// 12:30–13:45 on a day ten days ahead; mail is delivered to a real SMTP server.
type rescheduleEnv struct {
	app           *testutil.App
	a             *spkAPI
	m, day        string
	ada, oleg, zo string
}

// at is a wall time of the env's day in Europe/Berlin, as the forms and the API take it.
func (e *rescheduleEnv) at(hm string) string { return e.day + "T" + hm }

// utc is a wall time of the env's day as python3-icalendar prints it (UTC).
func (e *rescheduleEnv) utc(t *testing.T, hm string) string {
	t.Helper()
	w, err := time.ParseInLocation("2006-01-02T15:04", e.at(hm), mustZone(t, "Europe/Berlin"))
	if err != nil {
		t.Fatal(err)
	}
	return w.UTC().Format("2006-01-02T15:04:05Z")
}

// slot adds a slot from one wall time to another.
func (e *rescheduleEnv) slot(from, to string) string {
	out := e.a.must(201, "POST", "/api/v1/meetups/"+e.m+"/slots", map[string]any{"starts_at": e.at(from), "ends_at": e.at(to)})
	return out["id"].(string)
}

// sentTo reads the ICS and text of the outbox rows of a kind to one address, oldest first.
func (e *rescheduleEnv) sentTo(t *testing.T, kind, email string) []models.OutboxRow {
	t.Helper()
	var rows []models.OutboxRow
	if err := e.app.Store.DB.Select(&rows, `SELECT kind, to_email, subject, text_body, coalesce(ics, '') AS ics,
		coalesce(ics_method, '') AS ics_method FROM outbox WHERE meetup_id = $1 AND kind = $2 AND to_email = $3
		ORDER BY created_at, id`, e.m, kind, email); err != nil {
		t.Fatal(err)
	}
	return rows
}

// newRescheduleEnv builds the env: the lineup is asked for, Ada and Oleg confirm, the meetup is scheduled.
func newRescheduleEnv(t *testing.T) *rescheduleEnv {
	t.Helper()
	e := newLineupEnv(t)
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/schedule", map[string]any{"starts_at": e.at("12:30"),
		"ends_at": e.at("13:45"), "location": "Room 1", "capacity": 20})
	return e
}

// newLineupEnv builds the env up to the lineup: asked for, Ada and Oleg confirmed, Zoe still
// asked; the meetup is not scheduled yet.
func newLineupEnv(t *testing.T) *rescheduleEnv {
	t.Helper()
	app := testutil.NewApp(t)
	e := &rescheduleEnv{app: app, a: newSpkAPI(t, app, app.User.Email)}
	e.m = e.a.meetup("Lunch & learn: Go", "Go", "Europe/Berlin")
	e.day = time.Now().AddDate(0, 0, 10).In(mustZone(t, "Europe/Berlin")).Format("2006-01-02")
	s1, s2, s3 := e.slot("12:30", "13:15"), e.slot("13:15", "13:30"), e.slot("13:30", "13:45")
	e.ada = spkAnswered(t, app, e.a, e.m, "Ada", "Channels", s1)
	e.oleg = spkAnswered(t, app, e.a, e.m, "Oleg", "Generics", s2)
	e.zo = spkAnswered(t, app, e.a, e.m, "Zoe", "Fuzzing", s3)
	if _, err := e.a.dbExec(`UPDATE speakers SET language = 'ru' WHERE email = 'oleg@example.com'`); err != nil {
		t.Fatal(err)
	}
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/lineup", map[string]any{"speakers": []any{
		spkPick(e.ada, s1), spkPick(e.oleg, s2), spkPick(e.zo, s3)}})
	for _, c := range []string{e.ada, e.oleg} {
		if res := app.Client().PostForm(t, spkLinkPath(t, app, e.m, c, models.PurposeConfirm), url.Values{"confirm": {"yes"}}); res.Status != 303 {
			t.Fatalf("confirming: %d %s", res.Status, res.Body)
		}
	}
	return e
}

// TestRescheduleMovesSpeakerSlots: the organiser moves the meetup's start from 12:30 to 13:00 on the
// schedule form. Every slot moves 30 minutes with it; Ada gets her event again (REQUEST, same UID,
// SEQUENCE 2, 13:00–13:45) in a mail saying what changed, Oleg the same in Russian, Zoe (not yet
// confirmed) the new time to confirm; Ada's /c/ page shows the new time; the meetup and speakers
// pages warn that Oleg's and Zoe's talks now end after the meetup. A new end alone moves nothing;
// a new start by PATCH moves the slots again (SEQUENCE 3).
func TestRescheduleMovesSpeakerSlots(t *testing.T) {
	e := newRescheduleEnv(t)
	mail := startMailDelivery(t, e.app)
	first := e.sentTo(t, models.NoticeConfirmed, "ada@example.com")
	if len(first) != 1 || pyRead(t, []byte(first[0].ICS)).Events[0].Sequence != 1 {
		t.Fatalf("Ada's first invite: %+v", first)
	}
	if n := len(e.sentTo(t, models.NoticeSlotUpdate, "ada@example.com")); n != 0 {
		t.Fatalf("the first scheduling sent Ada %d updates", n)
	}

	c, _ := organiser(t, e.app)
	form := url.Values{"starts_at": {e.at("13:00")}, "ends_at": {e.at("13:45")}, "location": {"Room 1"},
		"capacity": {"20"}, "action": {"save"}}
	if res := formPost(t, c, "/meetups/"+e.m+"/schedule", c.Get(t, "/meetups/"+e.m+"/schedule").Body, form); res.Status != 303 {
		t.Fatalf("rescheduling: %d %s", res.Status, res.Body)
	}

	ada := waitMail(t, mail, "ada@example.com", "Changed: your talk at “Lunch & learn: Go”")
	spkCheckInvite(t, ada, e.ada, e.utc(t, "13:00"))
	cal := pyRead(t, []byte(ada.ICS))
	if ev := cal.Events[0]; ev.Sequence != 2 || ev.End != e.utc(t, "13:45") {
		t.Errorf("Ada's updated event: %+v", ev)
	}
	mustContain(t, "Ada's update", ada.Text, "13:00–13:45", "was: ", "12:30–13:15", "has been updated too")
	oleg := waitMail(t, mail, "oleg@example.com", "Изменения: ваш доклад на встрече «Lunch & learn: Go»")
	if ev := pyRead(t, []byte(oleg.ICS)).Events[0]; oleg.ICSMethod != "REQUEST" || ev.Sequence != 2 ||
		ev.UID != "speaker-"+e.oleg+"@convene" || ev.Start != e.utc(t, "13:45") || ev.End != e.utc(t, "14:00") {
		t.Errorf("Oleg's updated event (%s): %+v", oleg.ICSMethod, ev)
	}
	mustContain(t, "Oleg's update", oleg.Text, "было:", "13:15–13:30")
	zoe := waitMail(t, mail, "zoe@example.com", "Changed: your talk at")
	if zoe.ICS != "" || !strings.Contains(zoe.Text, "You haven't confirmed this slot yet") {
		t.Errorf("Zoe, not yet confirmed, got (ICS %d bytes):\n%s", len(zoe.ICS), zoe.Text)
	}
	if p := spkMailPath(t, zoe.Text, "/c/"); !strings.Contains(e.app.Client().Get(t, p).Body, "14:00–14:15") {
		t.Errorf("Zoe's link does not show her new time")
	}

	adaPage := spkLinkPath(t, e.app, e.m, e.ada, models.PurposeConfirm)
	if res := e.app.Client().Get(t, adaPage); !strings.Contains(res.Body, "13:00–13:45") || strings.Contains(res.Body, "12:30–13:15") {
		t.Errorf("Ada's /c/ page after the reschedule:\n%s", res.Body)
	}
	for _, path := range []string{"/meetups/" + e.m, "/meetups/" + e.m + "/speakers"} {
		w := spkSection(t, c.Get(t, path).Body, `id="slots-outside"`)
		mustContain(t, path+" warning", w, "no longer fit", "13:00–13:45", "13:45–14:00 UTC&#43;0", "Oleg", "14:00–14:15 UTC&#43;0", "Zoe")
		if strings.Contains(w, "Ada") {
			t.Errorf("%s: Ada's talk fits, yet is in the warning:\n%s", path, w)
		}
	}

	e.a.must(200, "PATCH", "/api/v1/meetups/"+e.m, map[string]any{"ends_at": e.at("14:15")})
	if n := len(e.sentTo(t, models.NoticeSlotUpdate, "ada@example.com")); n != 1 {
		t.Errorf("a new end alone sent Ada another update (%d)", n)
	}
	if res := e.app.Client().Get(t, adaPage); !strings.Contains(res.Body, "13:00–13:45") {
		t.Errorf("a new end alone moved Ada's slot")
	}
	if strings.Contains(c.Get(t, "/meetups/"+e.m).Body, `id="slots-outside"`) {
		t.Errorf("the warning stays once the meetup ends after every talk")
	}

	e.a.must(200, "PATCH", "/api/v1/meetups/"+e.m, map[string]any{"starts_at": e.at("13:15")})
	ups := e.sentTo(t, models.NoticeSlotUpdate, "ada@example.com")
	if len(ups) != 2 {
		t.Fatalf("after a PATCH of the start, Ada has %d updates", len(ups))
	}
	if ev := pyRead(t, []byte(ups[1].ICS)).Events[0]; ups[1].ICSMethod != "REQUEST" || ev.Sequence != 3 ||
		ev.Start != e.utc(t, "13:15") || ev.End != e.utc(t, "14:00") {
		t.Errorf("Ada's event after the PATCH: %+v", ev)
	}
}

// spkSection returns the part of a page from the element marked by attr to the end of its section.
func spkSection(t *testing.T, page, attr string) string {
	t.Helper()
	i := strings.Index(page, attr)
	if i < 0 {
		t.Fatalf("no %s on the page", attr)
	}
	rest := page[i:]
	if j := strings.Index(rest, "</section>"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}
