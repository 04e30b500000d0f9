package handlers_test

import (
	"net/url"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestRemindersPrefillInRussianUnits: in the Russian UI the edit and schedule forms show the
// reminders in Russian units ("24ч, 90м"), as their hint and error say, and sending them back
// as shown keeps them.
func TestRemindersPrefillInRussianUnits(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	var m meetup
	api.json(t, "POST", "/api/v1/meetups", map[string]any{"title": "Индексы", "timezone": "Europe/Moscow"}, 201, &m)
	api.json(t, "PATCH", "/api/v1/meetups/"+m.ID, map[string]any{"reminder_minutes": []int{1440, 90}}, 200, nil)
	if err := app.Store.SetUserLang(t.Context(), app.User.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	c, _ := organiser(t, app)
	edit := c.Get(t, "/meetups/"+m.ID+"/edit")
	wantPage(t, edit, 200, `name="reminder_minutes" type="text" value="24ч, 90м"`, "например «24ч, 1ч»")
	sched := c.Get(t, "/meetups/"+m.ID+"/schedule")
	wantPage(t, sched, 200, `name="reminders" type="text" value="24ч, 90м"`, "например 24ч, 1ч")
	form := url.Values{"title": {"Индексы"}, "format": {"talk"}, "timezone": {"Europe/Moscow"}, "duration_minutes": {"60"},
		"capacity": {"0"}, "reminder_minutes": {"24ч, 90м"}}
	wantPage(t, formPost(t, c, "/meetups/"+m.ID, edit.Body, form), 303)
	var got timing
	api.json(t, "GET", "/api/v1/meetups/"+m.ID, nil, 200, &got)
	if len(got.ReminderMinutes) != 2 || got.ReminderMinutes[0] != 1440 || got.ReminderMinutes[1] != 90 {
		t.Fatalf("saved reminders %v, want [1440 90]", got.ReminderMinutes)
	}
}
