package handlers_test

import (
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestReportsLinkSpeakersComparedOnlyWithCandidates: /reports offers "Speakers compared" for a
// meetup that has speaker candidates, and not for one without any (nothing to compare).
func TestReportsLinkSpeakersComparedOnlyWithCandidates(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	with := a.meetup("With candidates", "Go services", "Europe/Berlin")
	without := a.meetup("Without candidates", "Rust", "Europe/Berlin")
	a.candidate(with, a.speaker("Kim", "kim@example.com", "go"))
	body := loggedIn(t, app).Get(t, "/reports").Body
	if !strings.Contains(body, `<a href="/meetups/`+with+`/speakers/compare">Speakers compared</a>`) {
		t.Errorf("the meetup with a candidate has no Speakers compared link:\n%s", body)
	}
	if strings.Contains(body, without+"/speakers/compare") {
		t.Errorf("the meetup without candidates links Speakers compared")
	}
}
