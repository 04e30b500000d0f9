package handlers_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// dstAPIErr is the API's error body with the DST extras.
type dstAPIErr struct {
	Error struct {
		Code      string            `json:"code"`
		Fields    map[string]string `json:"fields"`
		Suggested string            `json:"suggested"`
		Choices   map[string]string `json:"choices"`
	} `json:"error"`
}

// scheduled is the part of the schedule response the tests read.
type scheduled struct {
	StartsAt string   `json:"starts_at"`
	EndsAt   string   `json:"ends_at"`
	Stage    string   `json:"stage"`
	Changes  []string `json:"changes"`
}

// TestScheduleDST schedules in a spring gap, an autumn overlap and Brazil's old DST start.
func TestScheduleDST(t *testing.T) {
	e := newRSVPEnv(t, 0, 5)
	m := e.createMeetup(t, "Berlin talk", "talk")
	var er dstAPIErr
	res := e.schedule(t, m.ID, dstDays(`{"starts_at":"{gap}T02:30","location":"Room 2","capacity":20}`), 422)
	_ = json.Unmarshal([]byte(res.Body), &er)
	msg := er.Error.Fields["starts_at"]
	if !strings.Contains(msg, "does not exist") || !strings.Contains(msg, "from 02:00 to 03:00") || !strings.Contains(msg, "03:30 (Europe/Berlin, UTC+02:00)") ||
		er.Error.Suggested != dstDays("{gap}T03:30:00+02:00") {
		t.Fatalf("gap: %s", res.Body)
	}
	res = e.schedule(t, m.ID, `{"starts_at":"`+er.Error.Suggested+`","location":"Room 2","capacity":20}`, 200)
	if s := decodeScheduled(t, res.Body); s.StartsAt != dstDays("{gap}T01:30:00Z") || s.EndsAt != dstDays("{gap}T02:30:00Z") || s.Stage != "scheduled" {
		t.Fatalf("shifted: %+v", s)
	}
	res = e.schedule(t, m.ID, dstDays(`{"starts_at":"{overlap}T02:30","capacity":20}`), 422)
	er = dstAPIErr{}
	_ = json.Unmarshal([]byte(res.Body), &er)
	if !strings.Contains(er.Error.Fields["starts_at"], "happens twice") || er.Error.Choices["earlier"] != dstDays("{overlap}T02:30:00+02:00") ||
		er.Error.Choices["later"] != dstDays("{overlap}T02:30:00+01:00") {
		t.Fatalf("ambiguous: %s", res.Body)
	}
	for fold, want := range map[string]string{"earlier": dstDays("{overlap}T00:30:00Z"), "later": dstDays("{overlap}T01:30:00Z")} {
		res = e.schedule(t, m.ID, dstDays(`{"starts_at":"{overlap}T02:30","fold":"`)+fold+`","capacity":20}`, 200)
		if s := decodeScheduled(t, res.Body); s.StartsAt != want || len(s.Changes) != 1 || s.Changes[0] != "time" {
			t.Fatalf("fold %s: %+v, want %s", fold, s, want)
		}
	}
	sp := e.createMeetup(t, "São Paulo", "talk")
	if _, err := e.app.Store.DB.Exec(`UPDATE meetups SET timezone = 'America/Sao_Paulo' WHERE id = $1`, sp.ID); err != nil {
		t.Fatal(err)
	}
	res = e.schedule(t, sp.ID, dstDays(`{"starts_at":"{nov1}T00:00","online_url":"https://meet.example.com/sp","capacity":30}`), 200)
	if s := decodeScheduled(t, res.Body); s.StartsAt != dstDays("{nov1}T03:00:00Z") || s.EndsAt != dstDays("{nov1}T04:00:00Z") {
		t.Fatalf("São Paulo: %+v", s)
	}
	var seq int
	if err := e.app.Store.DB.Get(&seq, `SELECT ical_sequence FROM meetups WHERE id = $1`, m.ID); err != nil || seq != 2 {
		t.Fatalf("SEQUENCE after two changes = %d, %v", seq, err)
	}
}

// decodeScheduled reads a schedule response.
func decodeScheduled(t *testing.T, body string) scheduled {
	t.Helper()
	var s scheduled
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return s
}

// TestScheduleBadInput: every bad body is a 4xx naming the field, never a 500.
func TestScheduleBadInput(t *testing.T) {
	e := newRSVPEnv(t, 0, 5)
	id := e.meetup.ID
	cases := map[string]string{
		dstDays(`{"starts_at":"{nov1}T12:00","capacity":0}`):  "capacity",
		dstDays(`{"starts_at":"{nov1}T12:00","capacity":-3}`): "capacity",
		`{"capacity":10}`:                                                                     "starts_at",
		`{"starts_at":"soon","capacity":10}`:                                                  "starts_at",
		dstDays(`{"starts_at":"{nov1}T12:00","capacity":"ten"}`):                              "capacity",
		dstDays(`{"starts_at":"{nov1}T12:00","ends_at":"{nov1}T11:00"}`):                      "ends_at",
		dstDays(`{"starts_at":"{nov1}T12:00","fold":"middle"}`):                               "fold",
		dstDays(`{"starts_at":"{nov1}T12:00","online_url":"javascript:alert(1)"}`):            "online_url",
		dstDays(`{"starts_at":"{nov1}T12:00","location":"","online_url":""}`):                 "location",
		dstDays(`{"starts_at":"{nov1}T12:00","remote_capacity":-1}`):                          "remote_capacity",
		dstDays(`{"starts_at":"{nov1}T12:00","colour":"red"}`):                                "body",
		dstDays(`{"starts_at":"{nov1}T12:00","location":"`) + strings.Repeat("x", 301) + `"}`: "location",
		`[]`: "body",
		``:   "body",
	}
	for body, field := range cases {
		res := e.api.Do(t, "POST", "/api/v1/meetups/"+id+"/schedule", "application/json", strings.NewReader(body), "Authorization", "Bearer "+e.token)
		var er dstAPIErr
		_ = json.Unmarshal([]byte(res.Body), &er)
		if res.Status != 422 || er.Error.Fields[field] == "" {
			t.Errorf("%s: %d %s, want 422 naming %s", body, res.Status, res.Body, field)
		}
	}
	if res := e.api.Do(t, "POST", "/api/v1/meetups/"+id+"/schedule", "text/plain", strings.NewReader("x"), "Authorization", "Bearer "+e.token); res.Status != 415 {
		t.Errorf("text/plain: %d", res.Status)
	}
	for _, bad := range []string{"not-a-uuid", "00000000-0000-0000-0000-000000000000"} {
		if res := e.call(t, "POST", "/api/v1/meetups/"+bad+"/schedule", dstDays(`{"starts_at":"{nov1}T12:00"}`)); res.Status != 404 {
			t.Errorf("meetup %s: %d", bad, res.Status)
		}
	}
	_, other := e.app.AddUser(t, "Other Team", "other@example.com", "organiser")
	tok := e.app.Token(t, other.Email)
	res := e.api.Do(t, "POST", "/api/v1/meetups/"+id+"/schedule", "application/json", strings.NewReader(dstDays(`{"starts_at":"{nov1}T12:00"}`)), "Authorization", "Bearer "+tok)
	if res.Status != 404 {
		t.Errorf("another team's meetup: %d", res.Status)
	}
	if _, err := e.app.Store.DB.Exec(`UPDATE meetups SET stage = 'cancelled' WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	if res := e.call(t, "POST", "/api/v1/meetups/"+id+"/schedule", dstDays(`{"starts_at":"{nov1}T12:00"}`)); res.Status != 409 {
		t.Errorf("cancelled meetup: %d", res.Status)
	}
}
