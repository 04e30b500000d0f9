package handlers_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// TestBriefNamesEachProblemOnce: problems several respondents named in other case or spacing
// appear once in the brief's draft, in the first spelling, the most named first (then the most
// recently named), instead of once per respondent.
func TestBriefNamesEachProblemOnce(t *testing.T) {
	s := newSurveyApp(t, 5)
	s.define(t, "Kubernetes operators", "SQL performance")
	s.api(t, "POST", s.surveyPath("/send"), "")
	for i, p := range []string{"Slow CI", "Flaky deploys.", "flaky  DEPLOYS", "No docs", " FLAKY deploys "} {
		link := s.mailedLink(t, fmt.Sprintf("e%d@example.com", i))
		if r := s.c.PostForm(t, link, url.Values{"problems": {p}}); r.Status != 303 {
			t.Fatalf("answer %d: %d %s", i, r.Status, r.Body)
		}
	}
	a := newSpkAPI(t, s.App, s.User.Email)
	draft := a.must(200, "GET", "/api/v1/meetups/"+s.meetup.ID+"/outreach/draft", nil)["message"].(string)
	if want := "Problems they named: Flaky deploys; No docs; Slow CI."; !strings.Contains(draft, want) {
		t.Fatalf("the brief does not say %q:\n%s", want, draft)
	}
}
