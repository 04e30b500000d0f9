package handlers_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestSpeakerAPIBadInput sends the speaker endpoints bad input: always 4xx with the fields named, never 500.
func TestSpeakerAPIBadInput(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	cases := []struct {
		name   string
		body   any
		status int
		fields []string
	}{
		{"empty", map[string]any{}, 422, []string{"name", "email", "source"}},
		{"bad values", map[string]any{"name": "A", "email": "not-an-email", "source": "tv", "profile_url": "javascript:alert(1)",
			"language": "de"}, 422, []string{"email", "source", "profile_url", "language"}},
		{"wrong type", map[string]any{"name": "A", "email": "a@example.com", "source": "staff", "expertise": "go"}, 422, []string{"expertise"}},
		{"unknown person", map[string]any{"name": "A", "email": "a@example.com", "source": "staff", "person_id": "nope"}, 422, []string{"person_id"}},
		{"long tag", map[string]any{"name": "A", "email": "a@example.com", "source": "other", "expertise": []string{strings.Repeat("x", 61)}}, 422, []string{"expertise"}},
		{"unknown field", map[string]any{"nmae": "A"}, 422, []string{"body"}},
	}
	for _, tc := range cases {
		st, body := a.call("POST", "/api/v1/speakers", tc.body)
		if st != tc.status {
			t.Errorf("%s: status %d, want %d (%v)", tc.name, st, tc.status, body)
		}
		for _, f := range tc.fields {
			if _, ok := spkFields(body)[f]; !ok {
				t.Errorf("%s: no error for field %q in %v", tc.name, f, body)
			}
		}
	}
	a.speaker("Ada", "ada@example.com", "go")
	st, body := a.call("POST", "/api/v1/speakers", map[string]any{"name": "Ada 2", "email": "ADA@example.com", "source": "other"})
	if st != 422 || spkFields(body)["email"] == nil {
		t.Errorf("duplicate email: %d %v", st, body)
	}
	res := a.c.Do(t, "POST", "/api/v1/speakers", "text/plain", strings.NewReader("x"), "Authorization", "Bearer "+a.token)
	if res.Status != http.StatusUnsupportedMediaType {
		t.Errorf("text/plain body: %d", res.Status)
	}
	res = a.c.Do(t, "POST", "/api/v1/speakers", "application/json", strings.NewReader("{"), "Authorization", "Bearer "+a.token)
	if res.Status != 422 {
		t.Errorf("broken JSON: %d", res.Status)
	}
}

// TestCandidateAPIBadInput covers slots, candidates, scores, outreach and the lineup with bad input.
func TestCandidateAPIBadInput(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m := a.meetup("Indexes", "PostgreSQL indexes", "Europe/Kyiv")
	sp := a.speaker("Ada", "ada@example.com", "postgres")
	cid := a.candidate(m, sp)
	base := "/api/v1/meetups/" + m
	past := time.Now().Add(-time.Hour).Format(time.RFC3339)
	soon := time.Now().Add(72 * time.Hour)
	cases := []struct {
		method, path string
		body         any
		field        string
	}{
		{"POST", base + "/slots", map[string]any{}, "starts_at"},
		{"POST", base + "/slots", map[string]any{"starts_at": "tomorrow"}, "starts_at"},
		{"POST", base + "/slots", map[string]any{"starts_at": past}, "starts_at"},
		{"POST", base + "/slots", map[string]any{"starts_at": soon.Format(time.RFC3339), "ends_at": soon.Add(-time.Hour).Format(time.RFC3339)}, "ends_at"},
		{"POST", base + "/slots", map[string]any{"starts_at": soon.Format(time.RFC3339), "fold": "middle"}, "fold"},
		{"POST", base + "/candidates", map[string]any{}, "speaker_id"},
		{"POST", base + "/candidates", map[string]any{"speaker_id": "x"}, "speaker_id"},
		{"PATCH", base + "/candidates/" + cid, map[string]any{"scores": map[string]any{"availability": 6}}, "scores.availability"},
		{"PATCH", base + "/candidates/" + cid, map[string]any{"scores": map[string]any{"style": 0, "value": 5}}, "scores.style"},
		{"PATCH", base + "/candidates/" + cid, map[string]any{"scores": map[string]any{"value": "high"}}, "scores.value"},
		{"POST", base + "/outreach", map[string]any{"candidate_ids": []string{}, "message": ""}, "candidate_ids"},
		{"POST", base + "/outreach", map[string]any{"candidate_ids": []string{cid}, "message": " "}, "message"},
		{"POST", base + "/outreach", map[string]any{"candidate_ids": []string{cid}, "message": "Hi"}, "slots"},
		{"POST", base + "/lineup", map[string]any{"speakers": []any{}}, "speakers"},
		{"POST", base + "/lineup", map[string]any{"speakers": []any{map[string]any{"candidate_id": cid}}}, "speakers[0].slot_id"},
		{"PUT", base + "/speaker-settings", map[string]any{"follow_up_days": 0}, "follow_up_days"},
	}
	for _, tc := range cases {
		st, body := a.call(tc.method, tc.path, tc.body)
		if st != 422 || spkFields(body)[tc.field] == nil {
			t.Errorf("%s %s %v: %d %v, want 422 with %q", tc.method, tc.path, tc.body, st, body, tc.field)
		}
	}
	slot := a.slot(m, soon)
	st, body := a.call("POST", base+"/lineup", map[string]any{"speakers": []any{map[string]any{"candidate_id": cid, "slot_id": slot}}})
	if st != 422 || spkFields(body)["speakers[0].candidate_id"] == nil {
		t.Errorf("lineup of a candidate who never answered: %d %v", st, body)
	}
	got := a.must(200, "PATCH", base+"/candidates/"+cid, map[string]any{"scores": map[string]any{"availability": 4, "style": 5}, "notes": "clear"})
	if got["score_average"].(float64) != 4.5 || got["notes"] != "clear" {
		t.Errorf("scores saved as %v", got)
	}
}

// TestSpeakerAPITeamScoping: every id of another team is a 404, in the path or in the body.
func TestSpeakerAPITeamScoping(t *testing.T) {
	app := testutil.NewApp(t)
	mine := newSpkAPI(t, app, app.User.Email)
	app.AddUser(t, "Other Team", "other@example.com", models.RoleOrganiser)
	theirs := newSpkAPI(t, app, "other@example.com")
	m := theirs.meetup("Theirs", "Go", "UTC")
	sp := theirs.speaker("Bob", "bob@example.com", "go")
	cid := theirs.candidate(m, sp)
	slot := theirs.slot(m, time.Now().Add(48*time.Hour))
	own := mine.meetup("Mine", "Go", "UTC")
	base := "/api/v1/meetups/" + m
	for _, r := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/v1/speakers/" + sp, nil},
		{"PATCH", "/api/v1/speakers/" + sp, map[string]any{"notes": "x"}},
		{"GET", base + "/speaker-suggestions", nil},
		{"GET", base + "/slots", nil},
		{"POST", base + "/slots", map[string]any{"starts_at": time.Now().Add(50 * time.Hour).Format(time.RFC3339)}},
		{"DELETE", base + "/slots/" + slot, nil},
		{"GET", base + "/candidates", nil},
		{"POST", base + "/candidates", map[string]any{"speaker_id": sp}},
		{"GET", base + "/candidates/" + cid, nil},
		{"PATCH", base + "/candidates/" + cid, map[string]any{"notes": "x"}},
		{"GET", base + "/outreach/draft", nil},
		{"POST", base + "/outreach", map[string]any{"candidate_ids": []string{cid}, "message": "Hi"}},
		{"GET", base + "/lineup", nil},
		{"POST", base + "/lineup", map[string]any{"speakers": []any{map[string]any{"candidate_id": cid, "slot_id": slot}}}},
		{"PUT", base + "/speaker-settings", map[string]any{"follow_up_days": 3}},
		{"POST", "/api/v1/meetups/" + own + "/candidates", map[string]any{"speaker_id": sp}},
		{"POST", "/api/v1/meetups/" + own + "/outreach", map[string]any{"candidate_ids": []string{cid}, "message": "Hi"}},
	} {
		if st, body := mine.call(r.method, r.path, r.body); st != http.StatusNotFound {
			t.Errorf("%s %s: %d %v, want 404", r.method, r.path, st, body)
		}
	}
	list := mine.must(200, "GET", "/api/v1/speakers", nil)
	if len(spkItems(list)) != 0 {
		t.Errorf("another team's speakers listed: %v", list)
	}
}
