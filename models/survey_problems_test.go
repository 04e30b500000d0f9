package models_test

import (
	"reflect"
	"testing"

	"github.com/convene/convene/models"
)

// TestDistinctProblems: problems differing only in case, spacing or a closing full stop are one,
// in the oldest answer's spelling, counted; the most named first, then the most recently named.
func TestDistinctProblems(t *testing.T) {
	newestFirst := []string{" FLAKY deploys ", "No docs", "flaky  DEPLOYS", "", "Flaky deploys.", "Slow CI", "no docs;", "..."}
	want := []models.ProblemCount{{Problem: "Flaky deploys.", Count: 3}, {Problem: "no docs;", Count: 2}, {Problem: "Slow CI", Count: 1}}
	if got := models.DistinctProblems(newestFirst); !reflect.DeepEqual(got, want) {
		t.Fatalf("DistinctProblems = %+v, want %+v", got, want)
	}
	if got := models.DistinctProblems(nil); got == nil || len(got) != 0 {
		t.Fatalf("no problems = %#v, want an empty list (the API says [])", got)
	}
}

// TestSurveyResultsNameEachProblemOnce: the results count a problem several people named once,
// with how many named it.
func TestSurveyResultsNameEachProblemOnce(t *testing.T) {
	f := newSurveyFix(t, 4)
	f.define(t, "Go")
	for email, p := range map[string]string{"e0@example.com": "Slow builds", "e1@example.com": "slow  builds.",
		"e2@example.com": "Flaky CI", "e3@example.com": "SLOW BUILDS"} {
		f.answer(t, email, models.SurveyAnswer{Problems: p})
	}
	r := f.results(t)
	if len(r.Problems) != 2 || r.Problems[0].Count != 3 || r.Problems[1] != (models.ProblemCount{Problem: "Flaky CI", Count: 1}) {
		t.Fatalf("problems = %+v, want slow builds ×3 then Flaky CI ×1", r.Problems)
	}
}
