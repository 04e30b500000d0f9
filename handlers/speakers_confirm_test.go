package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// spkAnswered makes a contacted candidate who answered yes for the slots.
func spkAnswered(t *testing.T, app *testutil.App, a *spkAPI, m, name, title string, slots ...string) string {
	t.Helper()
	cand := a.candidate(m, a.speaker(name, strings.ToLower(name)+"@example.com", "go"))
	a.must(200, "POST", "/api/v1/meetups/"+m+"/outreach", map[string]any{"candidate_ids": []string{cand}, "message": "Brief"})
	res := app.Client().PostForm(t, spkLinkPath(t, app, m, cand, models.PurposeOutreach),
		url.Values{"interest": {"yes"}, "slot": slots, "talk_title": {title}})
	if res.Status != 303 {
		t.Fatalf("%s answers: %d %s", name, res.Status, res.Body)
	}
	return cand
}

// spkPick is one lineup entry.
func spkPick(cand, slot string) map[string]any {
	return map[string]any{"candidate_id": cand, "slot_id": slot}
}

// TestConfirmSlotRace: two speakers asked for the same slot confirm at the same instant; one holds
// it, the other sees it was just taken. Repeats change nothing; GET/HEAD change nothing; when all
// chosen have confirmed the lineup is ready, with names and talk titles for the invitation.
func TestConfirmSlotRace(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m := a.meetup("Race", "Go", "Europe/Kyiv")
	start := time.Now().Add(120 * time.Hour).Truncate(time.Hour)
	s1, s2 := a.slot(m, start), a.slot(m, start.Add(time.Hour))
	x := spkAnswered(t, app, a, m, "Xena", "Channels", s1)
	y := spkAnswered(t, app, a, m, "Yuri", "Generics", s1, s2)
	z := spkAnswered(t, app, a, m, "Zoe", "Fuzzing", s2)
	a.must(200, "POST", "/api/v1/meetups/"+m+"/lineup", map[string]any{"speakers": []any{spkPick(x, s1), spkPick(y, s1)}})
	if st := a.must(200, "GET", "/api/v1/meetups/"+m, nil)["stage"]; st != "confirmation" {
		t.Errorf("stage after the lineup: %v", st)
	}
	paths := []string{spkLinkPath(t, app, m, x, models.PurposeConfirm), spkLinkPath(t, app, m, y, models.PurposeConfirm)}
	before := a.snapshot()
	for _, p := range paths {
		if res := app.Client().Get(t, p); res.Status != 200 || !strings.Contains(res.Body, `id="confirm-yes"`) {
			t.Fatalf("GET %d %s", res.Status, res.Body)
		}
		app.Client().Do(t, http.MethodHead, p, "", nil)
	}
	if a.snapshot() != before {
		t.Fatal("GET/HEAD on /c/ changed the database")
	}

	results := make([]testutil.Response, 2)
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = app.Client().PostForm(t, p, url.Values{"confirm": {"yes"}})
		}()
	}
	wg.Wait()
	won, lost := 0, -1
	for i, r := range results {
		switch {
		case r.Status == 303:
			won++
		case r.Status == 409 && strings.Contains(r.Body, "This slot was just taken"):
			lost = i
		default:
			t.Fatalf("confirmation %d: %d %s", i, r.Status, r.Body)
		}
	}
	if won != 1 || lost < 0 {
		t.Fatalf("%d won, loser %d", won, lost)
	}
	winner, loser := paths[1-lost], paths[lost]
	var holds int
	_ = a.store.DB.Get(&holds, `SELECT count(*) FROM slot_holds`)
	if holds != 1 {
		t.Fatalf("%d holds of one slot", holds)
	}
	held := a.snapshot()
	if res := app.Client().PostForm(t, winner, url.Values{"confirm": {"yes"}}); res.Status != 303 || a.snapshot() != held {
		t.Errorf("a repeated confirmation: %d, changed: %v", res.Status, a.snapshot() != held)
	}
	if res := app.Client().Get(t, loser); strings.Contains(res.Body, `id="confirm-yes"`) || !strings.Contains(res.Body, "just taken") {
		t.Errorf("the loser's page still offers the taken slot: %s", res.Body)
	}
	// The loser waits for nothing: the only slot offered is held, so the lineup is complete.
	lineup := a.must(200, "GET", "/api/v1/meetups/"+m+"/lineup", nil)
	if lineup["ready"] != true || len(lineup["speakers"].([]any)) != 1 {
		t.Errorf("lineup once the shared slot is held: %v", lineup)
	}
	loserID := map[string]string{paths[0]: x, paths[1]: y}[loser]
	a.must(200, "POST", "/api/v1/meetups/"+m+"/lineup", map[string]any{"speakers": []any{spkPick(loserID, s2)}})
	if res := app.Client().PostForm(t, loser, url.Values{"confirm": {"yes"}}); res.Status != 303 {
		t.Fatalf("the loser confirms the other slot: %d %s", res.Status, res.Body)
	}
	lineup = a.must(200, "GET", "/api/v1/meetups/"+m+"/lineup", nil)
	sp := lineup["speakers"].([]any)
	if lineup["ready"] != true || len(sp) != 2 || sp[0].(map[string]any)["talk_title"] == "" {
		t.Errorf("complete lineup: %v", lineup)
	}
	zoe := app.Client().PostForm(t, spkLinkPath(t, app, m, z, models.PurposeOutreach), url.Values{"interest": {"no"}})
	if zoe.Status != 409 || !strings.Contains(zoe.Body, "The lineup is fixed") {
		t.Errorf("changing an answer after the lineup is fixed: %d", zoe.Status)
	}
	ask := app.Client().PostForm(t, winner, url.Values{"confirm": {"withdraw"}}) // the button on their page
	_ = a.store.DB.Get(&holds, `SELECT count(*) FROM slot_holds WHERE slot_id = $1`, s1)
	if ask.Status != 200 || !strings.Contains(ask.Body, `id="confirm-withdraw-sure"`) || !strings.Contains(ask.Body, "Withdraw from the lineup?") || holds != 1 {
		t.Errorf("the withdraw button: %d, %d holds; want the question asked once more and the slot still held:\n%.2000s", ask.Status, holds, ask.Body)
	}
	if res := app.Client().PostForm(t, winner, url.Values{"confirm": {"no"}}); res.Status != 303 {
		t.Errorf("withdrawing: %d", res.Status)
	}
	_ = a.store.DB.Get(&holds, `SELECT count(*) FROM slot_holds WHERE slot_id = $1`, s1)
	if holds != 0 {
		t.Errorf("the withdrawn speaker's slot is still held")
	}
	if res := app.Client().PostForm(t, winner, url.Values{"confirm": {"maybe"}}); res.Status != 422 {
		t.Errorf("confirm=maybe: %d", res.Status)
	}
	a.must(200, "POST", "/api/v1/meetups/"+m+"/lineup", map[string]any{"speakers": []any{spkPick(z, s1)}})
	zoeConfirm := spkLinkPath(t, app, m, z, models.PurposeConfirm)
	for i := 0; i < 2; i++ {
		if res := app.Client().PostForm(t, zoeConfirm, url.Values{"confirm": {"no"}}); res.Status != 303 {
			t.Fatalf("Zoe declines (%d): %d %s", i, res.Status, res.Body)
		}
	}
	if st, _ := a.status(z); st != "declined" {
		t.Errorf("Zoe after declining: %s", st)
	}
	if res := app.Client().PostForm(t, zoeConfirm, url.Values{"confirm": {"yes"}}); res.Status != 409 || !strings.Contains(res.Body, "no slot to confirm") {
		t.Errorf("confirming after declining: %d", res.Status)
	}
}
