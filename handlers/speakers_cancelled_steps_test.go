package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// cancelledLineup is a meetup whose three chosen speakers all confirmed, then cancelled with a
// reason, and a speaker of the directory not yet a candidate.
func cancelledLineup(t *testing.T) (e *rescheduleEnv, nia string) {
	t.Helper()
	e = newLineupEnv(t)
	if res := e.app.Client().PostForm(t, spkLinkPath(t, e.app, e.m, e.zo, models.PurposeConfirm), url.Values{"confirm": {"yes"}}); res.Status != 303 {
		t.Fatalf("Zoe confirming: %d %s", res.Status, res.Body)
	}
	nia = e.a.speaker("Nia", "nia@example.com", "go")
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/cancel", map[string]any{"reason": "No budget"})
	return e, nia
}

// spkCounts counts the meetup's slots and candidates and the lineup's mails, to show nothing changed.
func spkCounts(t *testing.T, e *rescheduleEnv) [3]int {
	t.Helper()
	var n [3]int
	for i, q := range []string{
		`SELECT count(*) FROM speaker_slots WHERE meetup_id = $1`,
		`SELECT count(*) FROM candidates WHERE meetup_id = $1`,
		`SELECT count(*) FROM candidates WHERE meetup_id = $1 AND (status <> 'confirmed' OR score_availability IS NOT NULL)`,
	} {
		if err := e.app.Store.DB.Get(&n[i], q, e.m); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

// TestCancelledSpeakersPage: the speakers page of a cancelled meetup says it is cancelled, with
// the reason, no longer that the lineup is ready, and offers no form of the speaker steps; the
// comparison page has no scoring or lineup form. Every form posted anyway is refused with 409 on
// the page that says the meetup is cancelled, and changes nothing.
func TestCancelledSpeakersPage(t *testing.T) {
	e, nia := cancelledLineup(t)
	c, _ := organiser(t, e.app)
	base := "/meetups/" + e.m + "/speakers"
	page := c.Get(t, base)
	wantPage(t, page, 200, "This meetup is cancelled.", "Reason: No budget", "can no longer change", "Ada")
	if strings.Contains(page.Body, "Every chosen speaker has confirmed") || strings.Contains(page.Body, `action="`+base) {
		t.Errorf("the cancelled meetup's speakers page says the lineup is ready or has forms:\n%s", page.Body)
	}
	cmp := c.Get(t, base+"/compare")
	wantPage(t, cmp, 200, "This meetup is cancelled.", "Reason: No budget")
	if strings.Contains(cmp.Body, `action="`+base) {
		t.Errorf("the comparison of a cancelled meetup has forms:\n%s", cmp.Body)
	}
	var slot string
	if err := e.app.Store.DB.Get(&slot, `SELECT id FROM speaker_slots WHERE meetup_id = $1 LIMIT 1`, e.m); err != nil {
		t.Fatal(err)
	}
	before := spkCounts(t, e)
	posts := map[string]url.Values{
		"/slots":                           {"starts_at": {e.at("15:00")}, "ends_at": {e.at("15:30")}},
		"/candidates":                      {"speaker_id": {nia}},
		"/slots/" + slot + "/delete":       {},
		"/settings":                        {"follow_up_days": {"7"}},
		"/outreach":                        {"candidate_ids": {e.ada}, "message": {"Hello"}},
		"/candidates/" + e.ada + "/scores": {"availability": {"5"}},
		"/lineup":                          {"slot_" + e.ada: {slot}},
	}
	for path, form := range posts {
		res := formPost(t, c, base+path, page.Body, form)
		if res.Status != 409 || !strings.Contains(res.Body, "This meetup is cancelled.") || strings.Contains(res.Body, "conflicts with something") {
			t.Errorf("POST %s on the cancelled meetup: %d\n%.600s", path, res.Status, res.Body)
		}
	}
	if after := spkCounts(t, e); after != before {
		t.Errorf("the refused forms changed the meetup: %v, then %v", before, after)
	}
}

// TestCancelledSpeakersAPI: every change of the speaker steps' API on a cancelled meetup is a 409
// with the code meetup_cancelled and its message, and changes nothing.
func TestCancelledSpeakersAPI(t *testing.T) {
	e, nia := cancelledLineup(t)
	mt := "/api/v1/meetups/" + e.m
	slots := spkItems(e.a.must(200, "GET", mt+"/slots", nil))
	slot := slots[0]["id"].(string)
	before := spkCounts(t, e)
	calls := []struct {
		method, path string
		body         any
	}{
		{"POST", mt + "/slots", map[string]any{"starts_at": e.at("15:00"), "ends_at": e.at("15:30")}},
		{"DELETE", mt + "/slots/" + slot, nil},
		{"POST", mt + "/candidates", map[string]any{"speaker_id": nia}},
		{"PATCH", mt + "/candidates/" + e.ada, map[string]any{"scores": map[string]any{"availability": 5}}},
		{"POST", mt + "/outreach", map[string]any{"candidate_ids": []string{e.ada}, "message": "Hello"}},
		{"PUT", mt + "/speaker-settings", map[string]any{"follow_up_days": 7}},
		{"POST", mt + "/lineup", map[string]any{"speakers": []any{spkPick(e.ada, slot)}}},
	}
	for _, cl := range calls {
		st, body := e.a.call(cl.method, cl.path, cl.body)
		er, _ := body["error"].(map[string]any)
		if st != 409 || er["code"] != "meetup_cancelled" || er["message"] != "The meetup is cancelled." {
			t.Errorf("%s %s on the cancelled meetup: %d %v", cl.method, cl.path, st, body)
		}
	}
	if after := spkCounts(t, e); after != before {
		t.Errorf("the refused calls changed the meetup: %v, then %v", before, after)
	}
}

// TestCancelledMeetupPage: the page of a meetup cancelled while in confirmation says it is
// cancelled, with the reason, shows its audience, topic, speakers and outreach steps as done and
// the rest as not done (none as "next" or "now", none with what to do next), and links to no
// check-in, feedback or celebration; a cancelled meetup without a topic has no empty topic heading.
func TestCancelledMeetupPage(t *testing.T) {
	e, _ := cancelledLineup(t)
	c, _ := organiser(t, e.app)
	res := c.Get(t, "/meetups/"+e.m)
	wantPage(t, res, 200, "Cancelled: No budget", "Lunch &amp; learn: Go")
	if got := strings.Count(res.Body, `class="state">done<`); got != 4 {
		t.Errorf("%d steps shown as done, want 4 (audience, topic, speakers, outreach):\n%s", got, res.Body)
	}
	for _, no := range []string{`class="state">next<`, `class="state">now<`, `id="checkin-link"`, `id="feedback-link"`, `id="step-celebrate-link"`, `class="hint"`} {
		if strings.Contains(res.Body, no) {
			t.Errorf("the cancelled meetup's page shows %s:\n%s", no, res.Body)
		}
	}
	bare := e.a.meetup("Bare", "", "Europe/Berlin")
	e.a.must(200, "POST", "/api/v1/meetups/"+bare+"/cancel", map[string]any{"reason": "Nobody came"})
	res = c.Get(t, "/meetups/"+bare)
	wantPage(t, res, 200, "Cancelled: Nobody came")
	if strings.Contains(res.Body, `id="step-topic"`) || strings.Contains(res.Body, `class="state">next<`) {
		t.Errorf("the cancelled meetup without a topic shows an empty topic step or a next step:\n%s", res.Body)
	}
}
