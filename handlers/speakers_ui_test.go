package handlers_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestSpeakerPagesForms: the organiser's forms re-render with 422 and the input kept on bad input
// (never a 500), another team's ids are 404, and the brief can be drafted in Russian.
func TestSpeakerPagesForms(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m := a.meetup("Forms", "Go", "Europe/Kyiv")
	cand := spkAnswered(t, app, a, m, "Ada", "Talk", a.slot(m, time.Now().Add(72*time.Hour).Truncate(time.Hour)))
	app.AddUser(t, "Other", "other@example.com", models.RoleOrganiser)
	other := newSpkAPI(t, app, "other@example.com")
	theirMeetup, theirSpeaker := other.meetup("Theirs", "Go", "UTC"), other.speaker("Bob", "bob@example.com", "go")

	c := app.Client()
	c.Login(t, app.User.Email, testutil.Password)
	csrf := testutil.CSRF(t, c.Get(t, "/speakers").Body)
	post := func(path string, v url.Values) testutil.Response {
		v.Set("csrf_token", csrf)
		return c.PostForm(t, path, v)
	}
	base := "/meetups/" + m + "/speakers"
	for _, tc := range []struct {
		path string
		form url.Values
		want string
	}{
		{"/speakers", url.Values{"name": {"Kept Name"}, "email": {"nope"}, "source": {"contacts"}}, `value="Kept Name"`},
		{"/speakers", url.Values{"name": {"X"}, "email": {"x@example.com"}, "source": {"tv"}}, "Choose one of the offered values"},
		{base + "/slots", url.Values{"starts_at": {"someday"}}, `value="someday"`},
		{base + "/candidates", url.Values{"speaker_id": {"not-an-id"}}, "id=\"suggestions\""},
		{base + "/outreach", url.Values{"message": {"Kept brief"}}, "Kept brief"},
		{base + "/settings", url.Values{"follow_up_days": {"many"}}, "Enter a whole number."},
		{base + "/settings", url.Values{"follow_up_days": {"99999999999"}}, "At most 60."},
		{base + "/candidates/" + cand + "/scores", url.Values{"availability": {"9"}}, "A score is a whole number from 1 to 5"},
		{base + "/lineup", url.Values{"slot_" + cand: {"garbage"}}, "compare"},
	} {
		res := post(tc.path, tc.form)
		if res.Status != 422 || !strings.Contains(res.Body, tc.want) {
			t.Errorf("POST %s %v: %d, want 422 with %q", tc.path, tc.form, res.Status, tc.want)
		}
	}
	for _, path := range []string{"/speakers/" + theirSpeaker, "/meetups/" + theirMeetup + "/speakers",
		"/meetups/" + theirMeetup + "/speakers/compare", "/speakers/not-an-id"} {
		if res := c.Get(t, path); res.Status != 404 {
			t.Errorf("GET %s: %d, want 404", path, res.Status)
		}
	}
	if res := post("/meetups/"+theirMeetup+"/speakers/candidates", url.Values{"speaker_id": {theirSpeaker}}); res.Status != 404 {
		t.Errorf("adding to another team's meetup: %d", res.Status)
	}
	if res := post("/speakers/"+theirSpeaker, url.Values{"name": {"Mine"}, "email": {"b@example.com"}, "source": {"other"}}); res.Status != 404 {
		t.Errorf("editing another team's speaker: %d", res.Status)
	}
	ru := c.Get(t, base+"?brief_lang=ru")
	if !strings.Contains(ru.Body, "Мы готовим встречу «Forms»") {
		t.Errorf("the Russian draft is missing")
	}
}
