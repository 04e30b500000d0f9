package handlers_test

import (
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// meetup is a meetup as the API returns it.
type meetup struct {
	ID, Title, Format, Stage, Topic, Timezone, Location string
	AudienceID                                          *string `json:"audience_id"`
	SeriesID                                            *string `json:"series_id"`
	DurationMinutes                                     int     `json:"duration_minutes"`
	Capacity                                            int
}

func TestMeetupPatchTopicAndSeries(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	var aud struct{ ID string }
	api.json(t, "POST", "/api/v1/audiences", map[string]any{"name": "All"}, 201, &aud)
	var series struct {
		ID, Name string
		Meetups  []any
	}
	api.json(t, "POST", "/api/v1/series", map[string]any{"name": "Lunch & Learn", "cadence": "monthly"}, 201, &series)
	var m meetup
	api.json(t, "POST", "/api/v1/meetups", map[string]any{"title": "Indexes", "format": "talk"}, 201, &m)
	var up meetup
	api.json(t, "PATCH", "/api/v1/meetups/"+m.ID, map[string]any{"title": "Indexes, again", "audience_id": aud.ID,
		"series_id": series.ID, "capacity": 30, "timezone": "Europe/Berlin", "location": "Room 3"}, 200, &up)
	if up.Title != "Indexes, again" || up.AudienceID == nil || *up.AudienceID != aud.ID || up.Capacity != 30 ||
		up.Timezone != "Europe/Berlin" || up.Format != "talk" || up.Stage != "audience" {
		t.Fatalf("patched %+v", up)
	}
	api.json(t, "GET", "/api/v1/series/"+series.ID, nil, 200, &series)
	if series.Name != "Lunch & Learn" || len(series.Meetups) != 1 {
		t.Fatalf("series %+v", series)
	}
	var e apiErr
	api.json(t, "PATCH", "/api/v1/meetups/"+m.ID, map[string]any{"title": "", "format": "party", "timezone": "Nowhere/Land",
		"duration_minutes": -5, "capacity": -1, "online_url": "javascript:alert(1)"}, 422, &e)
	for _, f := range []string{"title", "format", "timezone", "duration_minutes", "capacity", "online_url"} {
		if e.Error.Fields[f] == "" {
			t.Errorf("no field error for %s: %+v", f, e.Error.Fields)
		}
	}
	var topicErr apiErr
	api.json(t, "PUT", "/api/v1/meetups/"+m.ID+"/topic", map[string]any{"topic": "  "}, 422, &topicErr)
	var withTopic meetup
	api.json(t, "PUT", "/api/v1/meetups/"+m.ID+"/topic", map[string]any{"topic": "How PostgreSQL picks an index"}, 200, &withTopic)
	if withTopic.Topic != "How PostgreSQL picks an index" || withTopic.Stage != "speakers" {
		t.Fatalf("after topic: %+v", withTopic)
	}
	var cleared meetup
	api.json(t, "PATCH", "/api/v1/meetups/"+m.ID, map[string]any{"audience_id": ""}, 200, &cleared)
	if cleared.AudienceID != nil || cleared.Stage != "speakers" {
		t.Fatalf("cleared audience: %+v", cleared)
	}
}

func TestMeetupEditsAreTeamScoped(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	_, other := app.AddUser(t, "Other Team", "other@example.com", models.RoleOrganiser)
	otherAPI := apiClient{c: app.Client(), tok: app.Token(t, other.Email)}
	var m meetup
	api.json(t, "POST", "/api/v1/meetups", map[string]any{"title": "Ours"}, 201, &m)
	var theirAud, theirSeries struct{ ID string }
	otherAPI.json(t, "POST", "/api/v1/audiences", map[string]any{"name": "Theirs"}, 201, &theirAud)
	otherAPI.json(t, "POST", "/api/v1/series", map[string]any{"name": "Theirs"}, 201, &theirSeries)
	otherAPI.json(t, "PATCH", "/api/v1/meetups/"+m.ID, map[string]any{"title": "Mine now"}, 404, nil)
	otherAPI.json(t, "PUT", "/api/v1/meetups/"+m.ID+"/topic", map[string]any{"topic": "x"}, 404, nil)
	api.json(t, "GET", "/api/v1/series/"+theirSeries.ID, nil, 404, nil)
	var e apiErr
	api.json(t, "PATCH", "/api/v1/meetups/"+m.ID, map[string]any{"audience_id": theirAud.ID, "series_id": theirSeries.ID}, 422, &e)
	if e.Error.Fields["audience_id"] == "" || e.Error.Fields["series_id"] == "" {
		t.Fatalf("foreign references: %+v", e.Error.Fields)
	}
}
