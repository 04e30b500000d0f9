package handlers_test

import (
	"net/url"
	"testing"
)

const (
	recapEmptyEN = "Write what worked or what to change, or give a recap link: the attendees’ recap mail needs something to say."
	recapEmptyRU = "Напишите, что получилось или что изменить, или дайте ссылку: письму участникам с итогами нужно что-то сказать."
)

// TestCelebrateRefusesAnEmptyRecap: "Celebrate and send the mails" with every field empty (or
// blank) comes back with a 422 and the message beside "What worked", in English and Russian;
// the API says the same on the field it was sent as. Nothing is mailed, the meetup is not done
// and the form stays open; a recap link alone is enough.
func TestCelebrateRefusesAnEmptyRecap(t *testing.T) {
	t.Parallel()
	c := newCelebrated(t)
	path := "/meetups/" + c.m.ID + "/celebrate"
	empty := url.Values{"worked": {""}, "change": {"  "}, "recap_links": {"", "", ""}}
	wantPage(t, formPost(t, c.c, path, c.c.Get(t, path).Body, empty), 422, `id="e-worked">`+recapEmptyEN+`</p>`)
	api := "/api/v1" + path
	wantFieldError(t, "empty body", c.api.call(t, "POST", api, "application/json", map[string]any{}), "retrospective", recapEmptyEN)
	blank := map[string]any{"worked": " \n ", "recap_links": []string{""}}
	wantFieldError(t, "blank worked", c.api.call(t, "POST", api, "application/json", blank), "worked", recapEmptyEN)
	if err := c.Store.SetUserLang(c.ctx, c.User.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	page := c.c.Get(t, path)
	wantPage(t, page, 200, `id="celebrate-form"`)
	wantPage(t, formPost(t, c.c, path, page.Body, empty), 422, `id="e-worked">`+recapEmptyRU+`</p>`)
	if n := c.outboxCount("speaker_thanks") + c.outboxCount("recap"); n != 0 {
		t.Fatalf("%d mails queued by refused celebrations", n)
	}
	if m, err := c.Store.GetMeetup(c.ctx, c.Team.ID, c.m.ID); err != nil || m.Stage == "done" {
		t.Fatalf("meetup %q (%v) after refused celebrations", m.Stage, err)
	}
	link := map[string]any{"recap_links": []string{"https://slides.example.com/obs"}}
	c.api.json(t, "POST", api, link, 200, nil)
	if n := c.outboxCount("recap"); n != 4 {
		t.Fatalf("%d recaps queued, want 4 (the checked in and the one who answered the form)", n)
	}
}
