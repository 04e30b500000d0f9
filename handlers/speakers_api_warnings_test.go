package handlers_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// spkWarnings returns the "warnings" of a body; it fails the test when the field is missing.
func spkWarnings(t *testing.T, what string, body map[string]any) []map[string]any {
	t.Helper()
	raw, ok := body["warnings"].([]any)
	if !ok {
		t.Fatalf("%s: no warnings array in %v", what, body)
	}
	out := make([]map[string]any, 0, len(raw))
	for _, r := range raw {
		out = append(out, r.(map[string]any))
	}
	return out
}

// spkWarned finds the one warning of a code about a slot, naming exactly the candidates ids.
func spkWarned(t *testing.T, what string, ws []map[string]any, code, slot string, ids ...string) map[string]any {
	t.Helper()
	for _, w := range ws {
		if w["code"] == code && w["slot_id"] == slot {
			if got := fmt.Sprint(w["candidate_ids"]); got != fmt.Sprint(ids) {
				t.Errorf("%s: %s for %s names %s, want %v", what, code, slot, got, ids)
			}
			return w
		}
	}
	t.Fatalf("%s: no %s warning for slot %s in %v", what, code, slot, ws)
	return nil
}

// TestSpeakerAPIWarnsOfSharedSlots: the lineup is sent through the API with one slot for Xena and
// Walt. The answer, the candidates, the lineup and the slots each carry a slot_shared warning
// naming both (ids and names, with a message), as the organiser's page warns; the fields that were
// there stay. Once Xena confirms, the warning is gone.
func TestSpeakerAPIWarnsOfSharedSlots(t *testing.T) {
	app, a, m, s1, x, w := newSpkSharedSlot(t)
	if got := spkWarnings(t, "the candidates before the lineup", a.must(200, "GET", "/api/v1/meetups/"+m+"/candidates", nil)); len(got) != 0 {
		t.Errorf("warnings before any lineup: %v", got)
	}

	sent := a.must(200, "POST", "/api/v1/meetups/"+m+"/lineup", map[string]any{"speakers": []any{spkPick(x, s1), spkPick(w, s1)}})
	if len(spkItems(sent)) != 2 {
		t.Errorf("the lineup's answer lost its items: %v", sent)
	}
	bodies := map[string]map[string]any{
		"POST lineup":    sent,
		"GET candidates": a.must(200, "GET", "/api/v1/meetups/"+m+"/candidates", nil),
		"GET lineup":     a.must(200, "GET", "/api/v1/meetups/"+m+"/lineup", nil),
		"GET slots":      a.must(200, "GET", "/api/v1/meetups/"+m+"/slots", nil),
	}
	for what, body := range bodies {
		got := spkWarned(t, what, spkWarnings(t, what, body), "slot_shared", s1, x, w)
		if fmt.Sprint(got["speakers"]) != "[Xena Walt]" || !strings.Contains(fmt.Sprint(got["message"]), "whoever confirms first holds it") ||
			got["starts_at"] == nil || got["ends_at"] == nil {
			t.Errorf("%s: the shared-slot warning %v", what, got)
		}
	}
	if l := bodies["GET lineup"]; l["ready"] != false || l["speakers"] == nil {
		t.Errorf("the lineup lost its fields: %v", l)
	}

	if res := app.Client().PostForm(t, spkLinkPath(t, app, m, x, models.PurposeConfirm), url.Values{"confirm": {"yes"}}); res.Status != 303 {
		t.Fatalf("Xena confirms: %d", res.Status)
	}
	if got := spkWarnings(t, "after Xena confirmed", a.must(200, "GET", "/api/v1/meetups/"+m+"/candidates", nil)); len(got) != 0 {
		t.Errorf("warnings once the slot is held: %v", got)
	}
}

// TestSpeakerAPIWarnsOfSlotsOutsideTheMeetup: the meetup's end moves to 13:20 while Oleg's talk
// runs to 13:30 and Zoe's to 13:45. The candidates, the lineup and the slots carry a
// slot_outside_meetup warning for each (the slot, the speaker, the meetup's new time), as the
// speakers page warns; Ada's talk fits and is not named. Once the end moves back, no warning.
func TestSpeakerAPIWarnsOfSlotsOutsideTheMeetup(t *testing.T) {
	e := newRescheduleEnv(t)
	e.a.must(200, "PATCH", "/api/v1/meetups/"+e.m, map[string]any{"ends_at": e.at("13:20")})
	var s2, s3 string
	for _, c := range spkItems(e.a.must(200, "GET", "/api/v1/meetups/"+e.m+"/candidates", nil)) {
		switch c["id"] {
		case e.oleg:
			s2 = c["lineup_slot_id"].(string)
		case e.zo:
			s3 = c["lineup_slot_id"].(string)
		}
	}
	for _, path := range []string{"/candidates", "/lineup", "/slots"} {
		ws := spkWarnings(t, path, e.a.must(200, "GET", "/api/v1/meetups/"+e.m+path, nil))
		if len(ws) != 2 {
			t.Errorf("%s: %d warnings, want 2: %v", path, len(ws), ws)
		}
		oleg := spkWarned(t, path, ws, "slot_outside_meetup", s2, e.oleg)
		zoe := spkWarned(t, path, ws, "slot_outside_meetup", s3, e.zo)
		if fmt.Sprint(oleg["speakers"]) != "[Oleg]" || fmt.Sprint(zoe["speakers"]) != "[Zoe]" || oleg["meetup_ends_at"] == nil ||
			!strings.Contains(fmt.Sprint(oleg["message"]), "no longer inside the meetup's time") ||
			!strings.Contains(fmt.Sprint(oleg["message"]), "12:30–13:20") {
			t.Errorf("%s: the warnings %v", path, ws)
		}
	}
	c, _ := organiser(t, e.app)
	mustContain(t, "the speakers page", spkSection(t, c.Get(t, "/meetups/"+e.m+"/speakers").Body, `id="slots-outside"`), "Oleg", "Zoe")

	e.a.must(200, "PATCH", "/api/v1/meetups/"+e.m, map[string]any{"ends_at": e.at("13:45")})
	if ws := spkWarnings(t, "after the end moved back", e.a.must(200, "GET", "/api/v1/meetups/"+e.m+"/candidates", nil)); len(ws) != 0 {
		t.Errorf("warnings once every talk fits: %v", ws)
	}
}
