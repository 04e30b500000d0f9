package handlers_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
)

// timing is the timing part of a meetup as the API returns it.
type timing struct {
	FeedbackDelayMinutes int   `json:"feedback_delay_minutes"`
	FeedbackOpenDays     int   `json:"feedback_open_days"`
	ReminderMinutes      []int `json:"reminder_minutes"`
}

// TestMeetupTimingThroughTheAPI: GET shows the defaults, PATCH sets all three (the scheduled
// meetup's pending reminders move), bad values are field errors that change nothing, and new
// open days move the close of a form already sent.
func TestMeetupTimingThroughTheAPI(t *testing.T) {
	e := newRSVPEnv(t, 1, 10)
	api := newAPI(t, e.app)
	path := "/api/v1/meetups/" + e.meetup.ID
	var got timing
	api.json(t, "GET", path, nil, 200, &got)
	if got.FeedbackDelayMinutes != 30 || got.FeedbackOpenDays != 14 || len(got.ReminderMinutes) != 2 || got.ReminderMinutes[0] != 1440 {
		t.Fatalf("defaults %+v", got)
	}
	api.json(t, "PATCH", path, map[string]any{"feedback_delay_minutes": 90, "feedback_open_days": 7, "reminder_minutes": []int{180, 2880}}, 200, &got)
	if got.FeedbackDelayMinutes != 90 || got.FeedbackOpenDays != 7 || len(got.ReminderMinutes) != 2 || got.ReminderMinutes[0] != 2880 || got.ReminderMinutes[1] != 180 {
		t.Fatalf("patched %+v", got)
	}
	var armed string
	if err := e.app.Store.DB.Get(&armed, `SELECT string_agg(minutes_before || ' ' || state || ' ' ||
		(m.starts_at - r.due_at = make_interval(mins => minutes_before)), ', ' ORDER BY minutes_before)
		FROM rsvp_reminders r JOIN meetups m ON m.id = r.meetup_id WHERE r.meetup_id = $1`, e.meetup.ID); err != nil {
		t.Fatal(err)
	}
	if armed != "180 pending true, 2880 pending true" {
		t.Fatalf("armed reminders %q", armed)
	}
	for body, field := range map[string]string{
		`{"feedback_delay_minutes": -1}`:          "feedback_delay_minutes",
		`{"feedback_delay_minutes": 10081}`:       "feedback_delay_minutes",
		`{"feedback_open_days": 0}`:               "feedback_open_days",
		`{"feedback_open_days": 61}`:              "feedback_open_days",
		`{"reminder_minutes": [60, 2]}`:           "reminder_minutes",
		`{"reminder_minutes": [5,6,7,8,9,10]}`:    "reminder_minutes",
		`{"reminder_minutes": "24h"}`:             "reminder_minutes",
		`{"feedback_open_days": "two weeks"}`:     "feedback_open_days",
		`{"title": "", "feedback_open_days": 99}`: "feedback_open_days",
	} {
		res := api.call(t, "PATCH", path, "application/json", body)
		if res.Status != 422 && res.Status != 400 || !strings.Contains(res.Body, `"`+field+`"`) {
			t.Errorf("PATCH %s = %d %s, want an error naming %s", body, res.Status, res.Body, field)
		}
	}
	api.json(t, "GET", path, nil, 200, &got)
	if got.FeedbackDelayMinutes != 90 || got.FeedbackOpenDays != 7 || len(got.ReminderMinutes) != 2 {
		t.Fatalf("refused patches changed the meetup: %+v", got)
	}
	sent := time.Now().Add(-48 * time.Hour).UTC().Truncate(time.Second)
	e.app.Store.DB.MustExec(`UPDATE meetups SET feedback_sent_at = $2, feedback_closes_at = $2::timestamptz + interval '7 days' WHERE id = $1`, e.meetup.ID, sent)
	api.json(t, "PATCH", path, map[string]any{"feedback_open_days": 21}, 200, nil)
	var st struct {
		OpenDays int       `json:"open_days"`
		ClosesAt time.Time `json:"closes_at"`
	}
	api.json(t, "GET", path+"/feedback", nil, 200, &st)
	if st.OpenDays != 21 || !st.ClosesAt.Equal(sent.Add(21*24*time.Hour)) {
		t.Fatalf("feedback status %+v, want open 21 days from %v", st, sent)
	}
}

// TestMeetupTimingInTheEditForm: the edit form shows the timing ("24h, 1h"), saves a new one,
// and shows field errors with the input kept, changing nothing.
func TestMeetupTimingInTheEditForm(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	var m meetup
	api.json(t, "POST", "/api/v1/meetups", map[string]any{"title": "Indexes"}, 201, &m)
	c, _ := organiser(t, app)
	page := c.Get(t, "/meetups/"+m.ID+"/edit")
	wantPage(t, page, 200, "Timing", `name="feedback_delay_minutes" type="number" value="30"`,
		`name="feedback_open_days" type="number" value="14"`, `name="reminder_minutes" type="text" value="24h, 1h"`)
	form := url.Values{"title": {"Indexes"}, "format": {"talk"}, "timezone": {"UTC"}, "duration_minutes": {"60"},
		"capacity": {"0"}, "feedback_delay_minutes": {"45"}, "feedback_open_days": {"7"}, "reminder_minutes": {"2d, 90 m"}}
	if res := formPost(t, c, "/meetups/"+m.ID, page.Body, form); res.Status != 303 {
		t.Fatalf("save: %d %.300s", res.Status, res.Body)
	}
	var got timing
	api.json(t, "GET", "/api/v1/meetups/"+m.ID, nil, 200, &got)
	if got.FeedbackDelayMinutes != 45 || got.FeedbackOpenDays != 7 || len(got.ReminderMinutes) != 2 || got.ReminderMinutes[0] != 2880 || got.ReminderMinutes[1] != 90 {
		t.Fatalf("saved %+v", got)
	}
	wantPage(t, c.Get(t, "/meetups/"+m.ID+"/edit"), 200, `value="48h, 90m"`)
	form.Set("feedback_delay_minutes", "soon")
	form.Set("feedback_open_days", "0")
	form.Set("reminder_minutes", "tomorrow")
	form.Set("title", "")
	wantPage(t, formPost(t, c, "/meetups/"+m.ID, page.Body, form), 422, "Enter a whole number.", `id="e-feedback_open_days">At least 1.`,
		"Write each reminder as a number with h, m or d", `value="tomorrow"`, `value="soon"`, "This field is required.")
	form.Set("title", "Indexes")
	form.Set("feedback_delay_minutes", "45")
	form.Set("reminder_minutes", "1h, 2m")
	wantPage(t, formPost(t, c, "/meetups/"+m.ID, page.Body, form), 422, "This value is out of range.", `value="1h, 2m"`)
	api.json(t, "GET", "/api/v1/meetups/"+m.ID, nil, 200, &got)
	if got.FeedbackOpenDays != 7 || got.ReminderMinutes[1] != 90 {
		t.Fatalf("refused form changed the meetup: %+v", got)
	}
	sched := c.Get(t, "/meetups/"+m.ID+"/schedule") // the schedule form reads and shows reminders alike
	wantPage(t, sched, 200, `name="reminders" type="text" value="48h, 90m"`)
	bad := url.Values{"starts_at": {dstDays("{mar10}T12:00")}, "location": {"Room 3"}, "capacity": {"12"}, "action": {"save"}, "reminders": {"a day before"}}
	wantPage(t, formPost(t, c, "/meetups/"+m.ID+"/schedule", sched.Body, bad), 422, "Write each reminder as a number with h, m or d")
}
