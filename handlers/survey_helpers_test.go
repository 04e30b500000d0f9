package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// surveyApp is the app with an audience of engineers, a meetup for it and an API token.
type surveyApp struct {
	*testutil.App
	ctx    context.Context
	c      *testutil.Client
	token  string
	meetup models.Meetup
}

// newSurveyApp seeds people e0..e(n-1)@example.com (Engineering; the first in Russian) and a meetup.
func newSurveyApp(t *testing.T, n int) *surveyApp {
	t.Helper()
	a := &surveyApp{App: testutil.NewApp(t), ctx: context.Background()}
	a.c, a.token = a.Client(), a.Token(t, a.User.Email)
	for i := 0; i < n; i++ {
		lang := "en"
		if i == 0 {
			lang = "ru"
		}
		p := models.Person{Email: fmt.Sprintf("e%d@example.com", i), Name: fmt.Sprintf("Engineer %d", i),
			Department: "Engineering", Timezone: "Europe/Moscow", Language: lang}
		if _, err := models.UpsertPerson(a.ctx, a.Store.DB, a.Team.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	aud, err := a.Store.CreateAudience(a.ctx, a.Team.ID, models.Audience{Name: "Eng", Departments: []string{"Engineering"}})
	if err != nil {
		t.Fatal(err)
	}
	a.meetup, err = a.Store.CreateMeetup(a.ctx, a.Team.ID, a.User.ID, models.NewMeetup{Title: "Tech talk",
		Timezone: "Europe/Berlin", AudienceID: &aud, Description: "Our monthly talk."})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// api calls the JSON API with the organiser's token.
func (a *surveyApp) api(t *testing.T, method, path, body string) testutil.Response {
	t.Helper()
	return a.apiAs(t, a.token, method, path, body)
}

// apiAs calls the JSON API with a given token.
func (a *surveyApp) apiAs(t *testing.T, token, method, path, body string) testutil.Response {
	t.Helper()
	ct := "application/json"
	if method == "GET" || method == "HEAD" {
		ct = ""
	}
	return a.c.Do(t, method, path, ct, strings.NewReader(body), "Authorization", "Bearer "+token)
}

// surveyPath is the meetup's survey API path plus suffix.
func (a *surveyApp) surveyPath(suffix string) string {
	return "/api/v1/meetups/" + a.meetup.ID + "/survey" + suffix
}

// defineBody is a valid survey definition with these topics.
func defineBody(topics ...string) string {
	b, _ := json.Marshal(map[string]any{"question": "What next?", "topics": topics, "allow_proposals": true,
		"closes_at": time.Now().Add(72 * time.Hour).Format(time.RFC3339)})
	return string(b)
}

// define puts a survey with these topics through the API.
func (a *surveyApp) define(t *testing.T, topics ...string) {
	t.Helper()
	if r := a.api(t, "PUT", a.surveyPath(""), defineBody(topics...)); r.Status != 200 {
		t.Fatalf("define: %d %s", r.Status, r.Body)
	}
}

// link returns the survey link path of the person with that email, made as the send makes it.
func (a *surveyApp) link(t *testing.T, email string) string {
	t.Helper()
	var id string
	if err := a.Store.DB.GetContext(a.ctx, &id, `SELECT id FROM people WHERE email = $1`, email); err != nil {
		t.Fatal(err)
	}
	tok, err := a.H.Links.Ensure(a.ctx, a.Store.DB, models.LinkSpec{TeamID: a.Team.ID, Purpose: models.PurposeSurvey,
		PersonID: &id, MeetupID: &a.meetup.ID})
	if err != nil {
		t.Fatal(err)
	}
	return "/s/" + tok
}

// decode reads a JSON response body into v.
func decode(t *testing.T, r testutil.Response, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(r.Body), v); err != nil {
		t.Fatalf("decode %q: %v", r.Body, err)
	}
}

// fieldOf returns the error code and field message of an API error response.
func fieldOf(t *testing.T, r testutil.Response, field string) (string, string) {
	t.Helper()
	var body struct {
		Error struct {
			Code   string            `json:"code"`
			Fields map[string]string `json:"fields"`
		} `json:"error"`
	}
	decode(t, r, &body)
	return body.Error.Code, body.Error.Fields[field]
}
