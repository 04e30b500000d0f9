package handlers_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// TestSurveyResultsNameEachProblemOnce: a problem several respondents named in other case,
// spacing or with a full stop is listed once on the results page, in its first spelling with
// how many named it (the most named first), and once in the API with its count.
func TestSurveyResultsNameEachProblemOnce(t *testing.T) {
	s := newSurveyApp(t, 5)
	s.define(t, "Kubernetes operators")
	s.api(t, "POST", s.surveyPath("/send"), "")
	for i, p := range []string{"Slow CI", "Flaky deploys.", "flaky  DEPLOYS", "No docs", " FLAKY deploys "} {
		if r := s.c.PostForm(t, s.mailedLink(t, fmt.Sprintf("e%d@example.com", i)), url.Values{"problems": {p}}); r.Status != 303 {
			t.Fatalf("answer %d: %d %s", i, r.Status, r.Body)
		}
	}
	page := loggedIn(t, s.App).Get(t, "/meetups/"+s.meetup.ID+"/survey")
	i := strings.Index(page.Body, `id="problems"`)
	if page.Status != 200 || i < 0 {
		t.Fatalf("results page: %d, no problems list:\n%s", page.Status, page.Body)
	}
	list := page.Body[i:]
	list = list[:strings.Index(list, "</ul>")]
	if n := strings.Count(strings.ToLower(list), "deploys"); n != 1 {
		t.Fatalf("the problems list names the deploys %d times, want once:\n%s", n, list)
	}
	at := -1 // the most named first, then the most recently named
	for _, w := range []string{`<span class="pre">Flaky deploys.</span> <small>×3</small>`,
		`<span class="pre">No docs</span> <small>×1</small>`, `<span class="pre">Slow CI</span> <small>×1</small>`} {
		j := strings.Index(list, w)
		if j <= at {
			t.Fatalf("the problems list lacks %q after the ones before it:\n%s", w, list)
		}
		at = j
	}
	var res models.SurveyResults
	decode(t, s.api(t, "GET", s.surveyPath("/results"), ""), &res)
	if len(res.Problems) != 3 || res.Problems[0] != (models.ProblemCount{Problem: "Flaky deploys.", Count: 3}) {
		t.Fatalf("API problems = %+v, want Flaky deploys. ×3 first, 3 in all", res.Problems)
	}
}
