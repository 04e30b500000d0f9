package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestOutreachPageOfACancelledMeetup: Ada (English) got the brief and has not answered; Oleg
// (Russian) answered yes. The organiser cancels the meetup with a reason. Each one's /o/ page says
// the meetup is cancelled, with the reason, in their language, and has no form; an answer sent
// anyway (valid or not) gets a clear 409 page saying so and changes nothing. Oleg's page still
// shows the answer he gave, translated (it showed a pointer's address).
func TestOutreachPageOfACancelledMeetup(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m, slot, ada := spkOutreachSetup(t, app, a, "en")
	oleg := spkAnswered(t, app, a, m, "Oleg", "Generics", slot)
	if _, err := a.dbExec(`UPDATE speakers SET language = 'ru' WHERE email = 'oleg@example.com'`); err != nil {
		t.Fatal(err)
	}
	a.must(200, "POST", "/api/v1/meetups/"+m+"/cancel", map[string]any{"reason": "The room is flooded"})

	pages := map[string][]string{
		ada: {"This meetup is cancelled.", "Reason", "The room is flooded", "There is nothing to answer"},
		oleg: {"Эта встреча отменена.", "Причина", "The room is flooded", "Отвечать больше не нужно",
			"Ваш ответ: <strong>Да, хочу выступить</strong>"},
	}
	c := app.Client()
	for cand, want := range pages {
		res := c.Get(t, spkLinkPath(t, app, m, cand, models.PurposeOutreach), "Accept-Language", "en")
		wantPage(t, res, 200, want...)
		if strings.Contains(res.Body, "<form") || strings.Contains(res.Body, "The lineup is fixed") ||
			strings.Contains(res.Body, "speakers.reply.interest.") {
			t.Errorf("the /o/ page of a cancelled meetup offers a form or blames the lineup:\n%s", res.Body)
		}
		if i, j := strings.Index(res.Body, `id="reply-state"`), strings.Index(res.Body, `id="brief"`); i < 0 || j < 0 || i > j {
			t.Errorf("the cancellation is not said above the brief (at %d, the brief at %d)", i, j)
		}
	}

	before := a.snapshot()
	for _, form := range []url.Values{
		{"interest": {"no"}},
		{"interest": {"yes"}, "slot": {slot}, "talk_title": {"Late"}},
		{"interest": {"bogus"}, "slot": {"not-a-slot"}},
	} {
		for cand, want := range pages {
			res := c.PostForm(t, spkLinkPath(t, app, m, cand, models.PurposeOutreach), form)
			if res.Status != http.StatusConflict || !strings.Contains(res.Body, want[0]) || strings.Contains(res.Body, "<form") {
				t.Errorf("answering %v after the cancellation: %d\n%s", form, res.Status, res.Body)
			}
		}
	}
	if after := a.snapshot(); after != before {
		t.Errorf("an answer after the cancellation changed the database:\n%s\n%s", before, after)
	}
	if st, _ := a.status(oleg); st != "interested" {
		t.Errorf("Oleg's status after the refused answer: %s", st)
	}
}
