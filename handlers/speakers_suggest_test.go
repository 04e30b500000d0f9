package handlers_test

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestSpeakerSuggestions ranks by expertise on the topic, lowers those asked recently or who
// declined twice, and offers staff who never spoke as new voices, each with its reasons.
func TestSpeakerSuggestions(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m := a.meetup("Backend lunch", "Go services on PostgreSQL", "Europe/Kyiv")
	ada := a.speaker("Ada", "ada@example.com", "go", "postgres", "kubernetes")
	a.speaker("Boris", "boris@example.com", "PostgreSQL")
	chen := a.speaker("Chen", "chen@example.com", "go", "postgres")
	dana := a.speaker("Dana", "dana@example.com", "golang")
	a.speaker("Eve", "eve@example.com", "javascript")
	hal := a.speaker("Hal", "hal@example.com", "go")
	a.candidate(m, hal) // already a candidate: not suggested again
	for i := 0; i < 2; i++ {
		past := a.meetup(fmt.Sprint("Past ", i), "Go", "UTC")
		c := a.candidate(past, chen)
		a.exec(`UPDATE candidates SET status = 'declined', answer = 'no', contacted_at = now() - interval '200 days' WHERE id = $1`, c)
	}
	recent := a.candidate(a.meetup("Recent", "Go", "UTC"), dana)
	a.exec(`UPDATE candidates SET status = 'contacted', contacted_at = now() - interval '10 days' WHERE id = $1`, recent)
	spkPerson(t, app, app.Team.ID, "fay@example.com", "Fay", "Europe/Kyiv", "Go", "cooking")
	spkPerson(t, app, app.Team.ID, "gus@example.com", "Gus", "Europe/Kyiv", "go")
	gus := a.must(201, "POST", "/api/v1/speakers", map[string]any{"name": "Gus", "email": "gus@example.com", "source": "staff", "expertise": []string{"java"}})
	spoke := a.candidate(a.meetup("Done", "Java", "UTC"), gus["id"].(string))
	a.exec(`UPDATE candidates SET status = 'confirmed' WHERE id = $1`, spoke)

	got := spkItems(a.must(200, "GET", "/api/v1/meetups/"+m+"/speaker-suggestions", nil))
	var names []string
	for _, s := range got {
		names = append(names, s["name"].(string))
	}
	if want := []string{"Ada", "Chen", "Boris", "Fay", "Dana"}; !slices.Equal(names, want) {
		t.Fatalf("order = %v, want %v (%v)", names, want, got)
	}
	wantReasons := map[string]string{"Ada": "expertise: go, postgres", "Boris": "expertise: postgresql",
		"Chen": "declined 2 times", "Dana": "asked recently (10 days ago)", "Fay": "new voice, never spoke; interests: Go"}
	for _, s := range got {
		reasons := fmt.Sprint(s["reasons"])
		if !strings.Contains(reasons, wantReasons[s["name"].(string)]) {
			t.Errorf("%s: reasons %s, want %q", s["name"], reasons, wantReasons[s["name"].(string)])
		}
	}
	if got[0]["speaker_id"] != ada || got[0]["score"].(float64) != 20 {
		t.Errorf("top suggestion %v", got[0])
	}
	if fay := got[3]; fay["new_voice"] != true || fay["person_id"] == nil || fay["speaker_id"] != nil {
		t.Errorf("new voice shape: %v", fay)
	}
	extra := spkItems(a.must(200, "GET", "/api/v1/meetups/"+m+"/speaker-suggestions?terms=kubernetes", nil))
	if extra[0]["score"].(float64) != 24 || !strings.Contains(fmt.Sprint(extra[0]["reasons"]), "survey: kubernetes") {
		t.Errorf("extra terms: %v", extra[0])
	}
	added := a.must(201, "POST", "/api/v1/meetups/"+m+"/candidates", map[string]any{"person_id": got[3]["person_id"]})
	if added["status"] != "found" || added["name"] != "Fay" {
		t.Errorf("new voice added as %v", added)
	}
	again := a.must(200, "POST", "/api/v1/meetups/"+m+"/candidates", map[string]any{"speaker_id": added["speaker_id"]})
	if again["id"] != added["id"] {
		t.Errorf("adding twice made a second candidate: %v", again)
	}
}

// exec runs a statement on the test database or fails.
func (a *spkAPI) exec(q string, args ...any) {
	a.t.Helper()
	if _, err := a.dbExec(q, args...); err != nil {
		a.t.Fatalf("%s: %v", q, err)
	}
}

// TestSpeakerSuggestionsFromSurvey: the survey's most voted topics and its proposals rank
// speakers beside the chosen topic, with the reason shown; a topic nobody voted for does not.
// The brief's draft says what the survey said: the most voted topics and the problems named.
func TestSpeakerSuggestionsFromSurvey(t *testing.T) {
	s := newSurveyApp(t, 1)
	s.define(t, "Kubernetes operators", "SQL performance", "Fortran revival")
	s.api(t, "POST", s.surveyPath("/send"), "")
	answer := url.Values{"topic": {"Kubernetes operators"}, "proposal": {"Rust in production"}, "problems": {"Flaky deploys."}} // its own full stop is not doubled
	if r := s.c.PostForm(t, s.mailedLink(t, "e0@example.com"), answer); r.Status != 303 {
		t.Fatalf("answer: %d %s", r.Status, r.Body)
	}
	s.api(t, "PUT", "/api/v1/meetups/"+s.meetup.ID+"/topic", `{"topic":"Go services"}`)
	a := newSpkAPI(t, s.App, s.User.Email)
	a.speaker("Kim", "kim@example.com", "kubernetes")
	a.speaker("Rui", "rui@example.com", "rust")
	a.speaker("Fred", "fred@example.com", "fortran")
	got := spkItems(a.must(200, "GET", "/api/v1/meetups/"+s.meetup.ID+"/speaker-suggestions", nil))
	reasons := map[string]string{}
	for _, g := range got {
		reasons[g["name"].(string)] = fmt.Sprint(g["reasons"])
	}
	if len(got) != 2 || !strings.Contains(reasons["Kim"], "survey: kubernetes") || !strings.Contains(reasons["Rui"], "survey: rust") {
		t.Fatalf("suggestions from the survey: %v", got)
	}
	draft := a.must(200, "GET", "/api/v1/meetups/"+s.meetup.ID+"/outreach/draft", nil)["message"].(string)
	if !strings.Contains(draft, "Most votes in our survey: Kubernetes operators (1).") || !strings.Contains(draft, "Problems they named: Flaky deploys.") || strings.Contains(draft, "deploys..") {
		t.Errorf("the brief does not say what the survey said:\n%s", draft)
	}
}
