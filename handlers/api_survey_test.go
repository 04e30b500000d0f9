package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestSurveyAPIRefusesBadInput sends every kind of bad survey definition: 4xx with the field, never 500.
func TestSurveyAPIRefusesBadInput(t *testing.T) {
	a := newSurveyApp(t, 1)
	future := time.Now().Add(48 * time.Hour).Format(time.RFC3339)
	long := strings.Repeat("x", 201)
	var topics []string
	for i := 0; i <= 30; i++ {
		topics = append(topics, fmt.Sprintf("%q", fmt.Sprint("topic ", i)))
	}
	many := strings.Join(topics, ",")
	cases := []struct {
		name, body  string
		status      int
		field, want string
	}{
		{"empty body", ``, 422, "body", "The request body is empty."},
		{"not JSON", `{"question":`, 422, "body", "The request body is not valid JSON."},
		{"topics not a list", `{"question":"Q","topics":"Go","closes_at":"` + future + `"}`, 422, "topics", "This field has the wrong type."},
		{"unknown field", `{"question":"Q","topics":["Go"],"closes_at":"` + future + `","colour":"red"}`, 422, "body", "The request body is not valid JSON."},
		{"no topics", `{"question":"Q","topics":[],"closes_at":"` + future + `"}`, 422, "topics", "Add at least one topic."},
		{"duplicate topics", `{"question":"Q","topics":["Go","GO "],"closes_at":"` + future + `"}`, 422, "topics.1", "This topic is listed twice."},
		{"blank topic", `{"question":"Q","topics":["Go",""],"closes_at":"` + future + `"}`, 422, "topics.1", "This field is required."},
		{"long topic", `{"question":"Q","topics":["` + long + `"],"closes_at":"` + future + `"}`, 422, "topics.0", "At most 200 characters."},
		{"31 topics", `{"question":"Q","topics":[` + many + `],"closes_at":"` + future + `"}`, 422, "topics", "A survey has at most 30 topics."},
		{"no question", `{"topics":["Go"],"closes_at":"` + future + `"}`, 422, "question", "This field is required."},
		{"past closing", `{"question":"Q","topics":["Go"],"closes_at":"2001-01-01T00:00:00Z"}`, 422, "closes_at", "This time has already passed."},
		{"garbage closing", `{"question":"Q","topics":["Go"],"closes_at":"soon"}`, 422, "closes_at", "Give a time as 2026-03-29T14:30 (local) or with an offset, 2026-03-29T14:30:00+02:00."},
		{"closing a number", `{"question":"Q","topics":["Go"],"closes_at":12}`, 422, "closes_at", "This field has the wrong type."},
		{"NUL in question", `{"question":"Q\u0000","topics":["Go"],"closes_at":"` + future + `"}`, 422, "question", "Write this on one line: it contains a line break or a control character."},
	}
	for _, c := range cases {
		r := a.api(t, "PUT", a.surveyPath(""), c.body)
		code, msg := fieldOf(t, r, c.field)
		if r.Status != c.status || code != "invalid" || msg != c.want {
			t.Errorf("%s: %d %s %q, want %d %s: %q (%s)", c.name, r.Status, code, msg, c.status, c.field, c.want, r.Body)
		}
	}
	if r := a.c.Do(t, "PUT", a.surveyPath(""), "text/plain", strings.NewReader("x"), "Authorization", "Bearer "+a.token); r.Status != 415 {
		t.Errorf("text/plain body: %d", r.Status)
	}
}

// TestSurveyAPIStateAndTopicErrors checks 404s, 409s and the topic's bad input.
func TestSurveyAPIStateAndTopicErrors(t *testing.T) {
	a := newSurveyApp(t, 1)
	for _, path := range []string{"", "/results"} {
		if r := a.api(t, "GET", a.surveyPath(path), ""); r.Status != 404 {
			t.Errorf("GET survey%s before it exists: %d", path, r.Status)
		}
	}
	if r := a.api(t, "POST", a.surveyPath("/send"), ""); r.Status != 404 {
		t.Errorf("send before the survey exists: %d", r.Status)
	}
	if r := a.api(t, "PUT", "/api/v1/meetups/not-a-uuid/survey", defineBody("Go")); r.Status != 404 {
		t.Errorf("malformed meetup id: %d", r.Status)
	}
	topic := "/api/v1/meetups/" + a.meetup.ID + "/topic"
	for body, field := range map[string]string{`{"topic":"  "}`: "topic", `{"topic":5}`: "topic", `{}`: "topic"} {
		if r := a.api(t, "PUT", topic, body); r.Status != 422 {
			t.Errorf("topic %s: %d %s", body, r.Status, r.Body)
		} else if _, msg := fieldOf(t, r, field); msg == "" {
			t.Errorf("topic %s: no field error in %s", body, r.Body)
		}
	}
	a.define(t, "Go")
	if r := a.api(t, "POST", a.surveyPath("/close"), ""); r.Status != 200 || !strings.Contains(r.Body, `"open":false`) {
		t.Fatalf("close: %d %s", r.Status, r.Body)
	}
	for _, call := range [][2]string{{"PUT", ""}, {"POST", "/send"}, {"POST", "/remind"}} {
		r := a.api(t, call[0], a.surveyPath(call[1]), map[string]string{"PUT": defineBody("Go")}[call[0]])
		if code, _ := fieldOf(t, r, ""); r.Status != 409 || code != "survey_closed" {
			t.Errorf("%s survey%s after close: %d %s", call[0], call[1], r.Status, r.Body)
		}
	}
	if r := a.api(t, "POST", a.surveyPath("/close"), ""); r.Status != 200 {
		t.Errorf("closing again: %d", r.Status)
	}
}
