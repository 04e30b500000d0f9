package handlers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// spkFirstWeekday is the first given weekday of a month.
func spkFirstWeekday(year int, month time.Month, wd time.Weekday) time.Time {
	d := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != wd {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// spkLastSunday is the last Sunday of a month (when Europe changes its clocks).
func spkLastSunday(year int, month time.Month) time.Time {
	d := time.Date(year, month+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	for d.Weekday() != time.Sunday {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// TestSlotAudienceView: a team spread from Kyiv to New York sees, per slot, each zone's local time
// and the share of people for whom it falls in working hours and around lunch.
func TestSlotAudienceView(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	for i := 0; i < 3; i++ {
		spkPerson(t, app, app.Team.ID, fmt.Sprintf("kyiv%d@example.com", i), "K", "Europe/Kyiv")
	}
	for i := 0; i < 2; i++ {
		spkPerson(t, app, app.Team.ID, fmt.Sprintf("ny%d@example.com", i), "N", "America/New_York")
	}
	m := a.meetup("Across the ocean", "Go", "Europe/Kyiv")
	day := spkFirstWeekday(time.Now().Year()+1, time.June, time.Tuesday).Format("2006-01-02")
	cases := []struct {
		start              string
		working, lunch     float64
		kyivLocal, nyLocal string
	}{
		{day + "T13:00", 0.6, 0.6, day + "T13:00:00+03:00", day + "T06:00:00-04:00"},
		{day + "T17:00", 1, 0, day + "T17:00:00+03:00", day + "T10:00:00-04:00"},
		{day + "T16:00:00Z", 0.4, 0.4, day + "T19:00:00+03:00", day + "T12:00:00-04:00"},
	}
	for _, tc := range cases {
		s := a.must(201, "POST", "/api/v1/meetups/"+m+"/slots", map[string]any{"starts_at": tc.start})
		aud := s["audience"].(map[string]any)
		zones := aud["zones"].([]any)
		kyiv, ny := zones[0].(map[string]any), zones[1].(map[string]any)
		if aud["people"].(float64) != 5 || aud["working_hours_share"].(float64) != tc.working || aud["lunch_share"].(float64) != tc.lunch {
			t.Errorf("%s: audience %v, want working %v lunch %v", tc.start, aud, tc.working, tc.lunch)
		}
		if kyiv["zone"] != "Europe/Kyiv" || kyiv["local_start"] != tc.kyivLocal || ny["zone"] != "America/New_York" || ny["local_start"] != tc.nyLocal {
			t.Errorf("%s: zones %v / %v", tc.start, kyiv, ny)
		}
	}
	if n := len(spkItems(a.must(200, "GET", "/api/v1/meetups/"+m+"/slots", nil))); n != 3 {
		t.Errorf("%d slots listed", n)
	}
	st, body := a.call("POST", "/api/v1/meetups/"+m+"/slots", map[string]any{"starts_at": day + "T13:00"})
	if st != 422 || spkFields(body)["starts_at"] == nil {
		t.Errorf("the same slot twice: %d %v", st, body)
	}
}

// TestSlotWallTimeDST: a wall time that does not exist is refused; an ambiguous one needs a fold.
func TestSlotWallTimeDST(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m := a.meetup("DST", "Go", "Europe/Kyiv")
	y := time.Now().Year() + 1
	gap := spkLastSunday(y, time.March).Format("2006-01-02") + "T03:30"
	twice := spkLastSunday(y, time.October).Format("2006-01-02") + "T03:30"
	path := "/api/v1/meetups/" + m + "/slots"
	if st, body := a.call("POST", path, map[string]any{"starts_at": gap}); st != 422 || spkFields(body)["starts_at"] == nil {
		t.Errorf("gap: %d %v", st, body)
	}
	if st, body := a.call("POST", path, map[string]any{"starts_at": twice}); st != 422 || spkFields(body)["starts_at"] == nil {
		t.Errorf("overlap without fold: %d %v", st, body)
	}
	for fold, utc := range map[string]string{"earlier": "T00:30:00Z", "later": "T01:30:00Z"} {
		s := a.must(201, "POST", path, map[string]any{"starts_at": twice, "fold": fold})
		if want := twice[:10] + utc; s["starts_at"] != want {
			t.Errorf("fold %s: starts_at %v, want %s", fold, s["starts_at"], want)
		}
	}
}

// TestSlotViewAndBriefUseTheMeetupsAudience: the slots' audience view and the brief count the
// members of the meetup's audience, not the whole directory.
func TestSlotViewAndBriefUseTheMeetupsAudience(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	for i := 0; i < 3; i++ {
		spkPerson(t, app, app.Team.ID, fmt.Sprintf("eng%d@example.com", i), "E", "Europe/Kyiv")
	}
	for i := 0; i < 4; i++ {
		_, err := models.UpsertPerson(context.Background(), app.Store.DB, app.Team.ID, models.Person{Email: fmt.Sprintf("sales%d@example.com", i),
			Name: "S", Timezone: "America/New_York", Language: "en", Department: "Sales"})
		if err != nil {
			t.Fatal(err)
		}
	}
	aud := a.must(201, "POST", "/api/v1/audiences", map[string]any{"name": "Engineers", "departments": []string{"Engineering"}})
	m := a.must(201, "POST", "/api/v1/meetups", map[string]any{"title": "Eng lunch", "timezone": "Europe/Kyiv",
		"duration_minutes": 60, "audience_id": aud["id"]})["id"].(string)
	s := a.must(201, "POST", "/api/v1/meetups/"+m+"/slots", map[string]any{"starts_at": time.Now().Add(240 * time.Hour).Format(time.RFC3339)})
	view := s["audience"].(map[string]any)
	if view["people"].(float64) != 3 || len(view["zones"].([]any)) != 1 {
		t.Errorf("the slot's audience: %v, want the 3 engineers in Kyiv", view)
	}
	draft := a.must(200, "GET", "/api/v1/meetups/"+m+"/outreach/draft", nil)["message"].(string)
	if !strings.Contains(draft, "Audience: 3 people.") || strings.Contains(draft, "Sales") {
		t.Errorf("the brief's audience:\n%s", draft)
	}
}
