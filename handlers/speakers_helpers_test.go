package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// spkAPI calls the JSON API with a bearer token.
type spkAPI struct {
	t     *testing.T
	c     *testutil.Client
	token string
	store *models.Store
}

// newSpkAPI returns an API client for the app's organiser.
func newSpkAPI(t *testing.T, app *testutil.App, email string) *spkAPI {
	return &spkAPI{t: t, c: app.Client(), token: app.Token(t, email), store: app.Store}
}

// call sends body as JSON and decodes the answer into a map (or a list under "items").
func (a *spkAPI) call(method, path string, body any) (int, map[string]any) {
	a.t.Helper()
	var rd *bytes.Reader
	ct := ""
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			a.t.Fatal(err)
		}
		rd, ct = bytes.NewReader(b), "application/json"
	} else {
		rd = bytes.NewReader(nil)
	}
	res := a.c.Do(a.t, method, path, ct, rd, "Authorization", "Bearer "+a.token)
	if res.Status >= 500 {
		a.t.Fatalf("%s %s: %d %s", method, path, res.Status, res.Body)
	}
	out := map[string]any{}
	if res.Body != "" {
		_ = json.Unmarshal([]byte(res.Body), &out)
	}
	return res.Status, out
}

// must calls and fails the test unless the status is want.
func (a *spkAPI) must(want int, method, path string, body any) map[string]any {
	a.t.Helper()
	st, out := a.call(method, path, body)
	if st != want {
		a.t.Fatalf("%s %s: status %d, want %d: %v", method, path, st, want, out)
	}
	return out
}

// spkFields returns the field errors of an API error body.
func spkFields(body map[string]any) map[string]any {
	e, _ := body["error"].(map[string]any)
	f, _ := e["fields"].(map[string]any)
	return f
}

// spkItems returns the "items" list of a body.
func spkItems(body map[string]any) []map[string]any {
	raw, _ := body["items"].([]any)
	out := make([]map[string]any, 0, len(raw))
	for _, r := range raw {
		out = append(out, r.(map[string]any))
	}
	return out
}

// spkPerson adds a person to the team's directory.
func spkPerson(t *testing.T, app *testutil.App, teamID, email, name, zone string, interests ...string) {
	t.Helper()
	_, err := models.UpsertPerson(context.Background(), app.Store.DB, teamID, models.Person{Email: email, Name: name,
		Timezone: zone, Language: "en", Interests: interests, Department: "Engineering"})
	if err != nil {
		t.Fatal(err)
	}
}

// meetup creates a meetup through the API and returns its id.
func (a *spkAPI) meetup(title, topic, zone string) string {
	a.t.Helper()
	out := a.must(http.StatusCreated, "POST", "/api/v1/meetups", map[string]any{"title": title, "timezone": zone, "duration_minutes": 60})
	id := out["id"].(string)
	if topic != "" {
		// The topic step (PUT …/topic) belongs to the survey issue; set it in the database meanwhile.
		if _, err := a.dbExec(`UPDATE meetups SET topic = $2 WHERE id = $1`, id, topic); err != nil {
			a.t.Fatal(err)
		}
	}
	return id
}

// dbExec runs a statement on the app's database (tests only: driving time, setting up state).
func (a *spkAPI) dbExec(q string, args ...any) (int64, error) {
	res, err := a.store.DB.ExecContext(context.Background(), q, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// speaker adds a speaker through the API and returns its id.
func (a *spkAPI) speaker(name, email string, expertise ...string) string {
	a.t.Helper()
	out := a.must(http.StatusCreated, "POST", "/api/v1/speakers", map[string]any{"name": name, "email": email,
		"source": "contacts", "expertise": expertise})
	return out["id"].(string)
}

// candidate adds a speaker as a candidate of a meetup and returns the candidate id.
func (a *spkAPI) candidate(meetupID, speakerID string) string {
	a.t.Helper()
	out := a.must(http.StatusCreated, "POST", "/api/v1/meetups/"+meetupID+"/candidates", map[string]any{"speaker_id": speakerID})
	return out["id"].(string)
}

// slot adds a slot at an RFC 3339 start and returns its id.
func (a *spkAPI) slot(meetupID string, start time.Time) string {
	a.t.Helper()
	out := a.must(http.StatusCreated, "POST", "/api/v1/meetups/"+meetupID+"/slots", map[string]any{"starts_at": start.Format(time.RFC3339)})
	return out["id"].(string)
}

// spkLinkPath returns the path of a candidate's personal link, as the mail will carry it.
func spkLinkPath(t *testing.T, app *testutil.App, meetupID, candidateID, purpose string) string {
	t.Helper()
	tok, err := app.H.Links.Ensure(context.Background(), app.Store.DB, models.LinkSpec{TeamID: app.Team.ID,
		Purpose: purpose, MeetupID: &meetupID, Subject: candidateID})
	if err != nil {
		t.Fatal(err)
	}
	prefix := map[string]string{models.PurposeOutreach: "/o/", models.PurposeConfirm: "/c/"}[purpose]
	return prefix + tok
}

// newSpkSharedSlot is a meetup ("Backend lunch") with one slot ten days ahead and two speakers,
// Xena and Walt, who answered the brief for it: the start of every shared-slot test.
func newSpkSharedSlot(t *testing.T) (app *testutil.App, a *spkAPI, m, slot, xena, walt string) {
	t.Helper()
	app = testutil.NewApp(t)
	a = newSpkAPI(t, app, app.User.Email)
	m = a.meetup("Backend lunch", "Go", "Europe/Kyiv")
	slot = a.slot(m, time.Now().Add(240*time.Hour).Truncate(time.Hour))
	return app, a, m, slot, spkAnswered(t, app, a, m, "Xena", "Channels", slot), spkAnswered(t, app, a, m, "Walt", "Profiling", slot)
}
