package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// snapshot is every row a link page could touch, as text, to prove a GET changed nothing.
func (a *spkAPI) snapshot() string {
	a.t.Helper()
	var s string
	err := a.store.DB.Get(&s, `SELECT concat_ws('|',
		(SELECT string_agg(row_to_json(c)::text, ',' ORDER BY id) FROM candidates c),
		(SELECT string_agg(row_to_json(x)::text, ',' ORDER BY candidate_id, slot_id) FROM candidate_slots x),
		(SELECT string_agg(row_to_json(h)::text, ',' ORDER BY slot_id) FROM slot_holds h),
		(SELECT string_agg(row_to_json(m)::text, ',' ORDER BY id) FROM meetups m),
		(SELECT string_agg(row_to_json(st)::text, ',' ORDER BY meetup_id) FROM speaker_settings st),
		(SELECT count(*) FROM links), (SELECT count(*) FROM audit_log), (SELECT count(*) FROM login_failures))`)
	if err != nil {
		a.t.Fatal(err)
	}
	return s
}

// spkOutreachSetup makes a meetup with one slot and a contacted candidate speaking lang.
func spkOutreachSetup(t *testing.T, app *testutil.App, a *spkAPI, lang string) (meetup, slot, cand string) {
	t.Helper()
	meetup = a.meetup("Backend lunch", "Go", "Europe/Kyiv")
	sp := a.must(201, "POST", "/api/v1/speakers", map[string]any{"name": "Ada", "email": "ada-" + lang + "@example.com",
		"source": "social", "language": lang, "expertise": []string{"go"}})
	cand = a.candidate(meetup, sp["id"].(string))
	slot = a.slot(meetup, time.Now().Add(96*time.Hour).Truncate(time.Hour))
	a.must(200, "POST", "/api/v1/meetups/"+meetup+"/outreach", map[string]any{"candidate_ids": []string{cand}, "message": "Our brief."})
	return meetup, slot, cand
}

// TestOutreachReplyPage: GET/HEAD show and change nothing, bad input re-renders with 422, the
// answer is saved and can change, the page follows the speaker's language, bad tokens are 404.
func TestOutreachReplyPage(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m, slot, cand := spkOutreachSetup(t, app, a, "en")
	path := spkLinkPath(t, app, m, cand, models.PurposeOutreach)
	c := app.Client()
	before := a.snapshot()
	for i := 0; i < 3; i++ {
		res := c.Get(t, path)
		if res.Status != 200 || !strings.Contains(res.Body, "Our brief.") || !strings.Contains(res.Body, `value="`+slot+`"`) {
			t.Fatalf("GET: %d %s", res.Status, res.Body)
		}
		if res.Header.Get("Referrer-Policy") != "no-referrer" || res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("link page headers: %v", res.Header)
		}
		if res := c.Do(t, http.MethodHead, path, "", nil); res.Status != 200 || res.Body != "" {
			t.Errorf("HEAD: %d %q", res.Status, res.Body)
		}
	}
	if after := a.snapshot(); after != before {
		t.Fatalf("GET/HEAD changed the database:\n%s\n%s", before, after)
	}
	if res := c.PostForm(t, path, url.Values{"talk_title": {"Kept"}}); res.Status != 422 || !strings.Contains(res.Body, `value="Kept"`) {
		t.Errorf("no interest: %d", res.Status)
	}
	if res := c.PostForm(t, path, url.Values{"interest": {"yes"}}); res.Status != 422 || !strings.Contains(res.Body, "Choose at least one slot") {
		t.Errorf("yes without a slot: %d", res.Status)
	}
	if res := c.PostForm(t, path, url.Values{"interest": {"yes"}, "slot": {"f00ba400-0000-4000-8000-000000000000"}}); res.Status != 422 {
		t.Errorf("a slot of nothing: %d", res.Status)
	}
	cross := c.Do(t, "POST", path, "application/x-www-form-urlencoded", strings.NewReader("interest=no"), "Sec-Fetch-Site", "cross-site")
	if cross.Status != 403 {
		t.Errorf("cross-site POST: %d", cross.Status)
	}
	res := c.PostForm(t, path, url.Values{"interest": {"yes"}, "slot": {slot}, "talk_title": {"Go at scale"}, "abstract": {"How."}})
	if res.Status != 303 || !strings.HasSuffix(res.Header.Get("Location"), "?saved=1") {
		t.Fatalf("answer: %d %s", res.Status, res.Header.Get("Location"))
	}
	if st, _ := a.status(cand); st != "interested" {
		t.Errorf("status %s", st)
	}
	if res := c.Get(t, res.Header.Get("Location")); !strings.Contains(res.Body, "your answer is saved") || !strings.Contains(res.Body, `value="Go at scale"`) {
		t.Errorf("after saving: %s", res.Body)
	}
	if res := c.PostForm(t, path, url.Values{"interest": {"maybe"}, "slot": {slot}}); res.Status != 303 {
		t.Errorf("changing the answer: %d", res.Status)
	}
	got := a.must(200, "GET", "/api/v1/meetups/"+m+"/candidates/"+cand, nil)
	if got["status"] != "maybe" || got["answer"] != "maybe" || got["response_seconds"] == nil {
		t.Errorf("after the change: %v", got)
	}
	for _, bad := range []string{"/o/" + strings.Repeat("A", 43), "/o/short", "/c/" + strings.TrimPrefix(path, "/o/")} {
		if res := c.Get(t, bad); res.Status != 404 {
			t.Errorf("GET %s: %d", bad, res.Status)
		}
	}
	confirmTok := strings.TrimPrefix(spkLinkPath(t, app, m, cand, models.PurposeConfirm), "/c/")
	if res := c.Get(t, "/o/"+confirmTok); res.Status != 404 {
		t.Errorf("a confirmation token on /o/: %d", res.Status)
	}
}

// TestOutreachReplyInRussian: a Russian-speaking speaker gets the page in Russian.
func TestOutreachReplyInRussian(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m, _, cand := spkOutreachSetup(t, app, a, "ru")
	res := app.Client().Get(t, spkLinkPath(t, app, m, cand, models.PurposeOutreach), "Accept-Language", "en")
	if !strings.Contains(res.Body, "Выступите на встрече «Backend lunch»?") || !strings.Contains(res.Body, "Отправить ответ") {
		t.Errorf("Russian page: %s", res.Body)
	}
}
