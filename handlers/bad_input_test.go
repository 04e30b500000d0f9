package handlers_test

import (
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

func TestBadInputIsNeverA500(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	var m meetup
	api.json(t, "POST", "/api/v1/meetups", map[string]any{"title": "ok"}, 201, &m)
	cases := []struct {
		method, path string
		body         any
		want         int
	}{
		{"GET", "/api/v1/people?q=%00", nil, 422},
		{"GET", "/api/v1/people?department=%00&interest=%00", nil, 422},
		{"GET", "/api/v1/people?limit=abc", nil, 422},
		{"GET", "/api/v1/audiences/%00/members", nil, 404},
		{"POST", "/api/v1/people", map[string]any{"email": "a\u0000@x.com", "name": "\u0000", "timezone": "\u0000"}, 422},
		{"POST", "/api/v1/people", `{"email": 5}`, 422},
		{"POST", "/api/v1/people", `{"email": "a@x.com", "extra": 1}`, 422},
		{"POST", "/api/v1/audiences", map[string]any{"name": "x", "departments": make([]string, 1001)}, 201},
		{"PATCH", "/api/v1/meetups/" + m.ID, map[string]any{"description": "bad \u0000 byte"}, 422},
		{"PUT", "/api/v1/meetups/" + m.ID + "/topic", `not json`, 422},
		{"POST", "/api/v1/people/import", "email\n\u0000@x.com\n", 200},
	}
	for _, c := range cases {
		ct := "application/json"
		if c.path == "/api/v1/people/import" {
			ct = "text/csv"
		}
		res := api.call(t, c.method, c.path, ct, c.body)
		if res.Status != c.want || strings.Contains(res.Body, "pq:") || strings.Contains(res.Body, "SQL") {
			t.Errorf("%s %s = %d (want %d): %.200s", c.method, c.path, res.Status, c.want, res.Body)
		}
	}
}
