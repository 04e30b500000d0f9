package handlers_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestBriefAfterTheLineupIsFixed: once every chosen speaker has confirmed, the organiser may
// still brief a new candidate, Zoë. The brief offers only the slot nobody holds (not Xena's), and
// Zoë's reply page takes her first answer instead of saying the lineup is fixed; Walt, who had
// answered before, still cannot change his.
func TestBriefAfterTheLineupIsFixed(t *testing.T) {
	app, a, m, s1, x, w := newSpkSharedSlot(t)
	a.must(200, "POST", "/api/v1/meetups/"+m+"/lineup", map[string]any{"speakers": []any{spkPick(x, s1)}})
	if res := app.Client().PostForm(t, spkLinkPath(t, app, m, x, models.PurposeConfirm), url.Values{"confirm": {"yes"}}); res.Status != 303 {
		t.Fatalf("Xena confirms: %d", res.Status)
	}
	if lineup := a.must(200, "GET", "/api/v1/meetups/"+m+"/lineup", nil); lineup["ready"] != true {
		t.Fatalf("the lineup is not fixed: %v", lineup)
	}
	s2 := a.slot(m, time.Now().Add(264*time.Hour).Truncate(time.Hour))
	draft := a.must(200, "GET", "/api/v1/meetups/"+m+"/outreach/draft?lang=en", nil)["message"].(string)
	var free, held int
	for _, l := range strings.Split(draft, "\n") {
		if strings.HasPrefix(l, "• ") {
			free++
		}
	}
	_ = a.store.DB.Get(&held, `SELECT count(*) FROM slot_holds WHERE slot_id = $1`, s1)
	if free != 1 || held != 1 || s2 == "" {
		t.Errorf("the brief lists %d slots (want 1: the free one, not Xena's):\n%s", free, draft)
	}
	zoe := a.candidate(m, a.speaker("Zoë", "zoe@example.com", "go"))
	a.must(200, "POST", "/api/v1/meetups/"+m+"/outreach", map[string]any{"candidate_ids": []string{zoe}, "message": draft})
	reply := spkLinkPath(t, app, m, zoe, models.PurposeOutreach)
	if page := app.Client().Get(t, reply); page.Status != 200 || strings.Contains(page.Body, "The lineup is fixed") {
		t.Errorf("Zoë's reply page: %d, says the lineup is fixed:\n%.2000s", page.Status, page.Body)
	}
	if res := app.Client().PostForm(t, reply, url.Values{"interest": {"yes"}, "slot": {s2}}); res.Status != 303 {
		t.Errorf("Zoë's first answer: %d\n%.2000s", res.Status, res.Body)
	}
	if res := app.Client().PostForm(t, spkLinkPath(t, app, m, w, models.PurposeOutreach), url.Values{"interest": {"no"}}); res.Status != 409 {
		t.Errorf("Walt changing his answer once the lineup is fixed: %d, want 409", res.Status)
	}
}
