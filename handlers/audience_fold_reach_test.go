package handlers_test

import (
	"net/url"
	"strings"
	"testing"
)

// foldAudience imports foldCSV and gives the meetup an audience of "sao paulo" (typed without
// its accent) through the API: Ana, Bia, Caio and Eva, whose city is spelled three ways.
func foldAudience(t *testing.T, api apiClient, meetupID string) {
	t.Helper()
	api.importCSV(t, foldCSV, 200)
	var aud struct{ ID string }
	api.json(t, "POST", "/api/v1/audiences", map[string]any{"name": "São Paulo office", "locations": []string{"sao paulo"}}, 201, &aud)
	api.json(t, "PATCH", "/api/v1/meetups/"+meetupID, map[string]any{"audience_id": aud.ID}, 200, nil)
}

// TestFoldedAudienceIsWhomInvitationsReach: a meetup's audience of "sao paulo" is the four
// people of São Paulo however spelled, wherever it is counted or used: the meetup page's
// audience step, the attendees page's send button, the send's flash and the attendees it
// made — the count shown is the people invited.
func TestFoldedAudienceIsWhomInvitationsReach(t *testing.T) {
	e := newRSVPEnv(t, 0, 10)
	api := newAPI(t, e.app)
	foldAudience(t, api, e.meetup.ID)
	c := loggedIn(t, e.app)
	if page := c.Get(t, "/meetups/"+e.meetup.ID).Body; !strings.Contains(page, "São Paulo office: 4 people") {
		t.Errorf("the meetup page's audience step does not say 4 people:\n%.4000s", page)
	}
	path := "/meetups/" + e.meetup.ID + "/attendees"
	page := c.Get(t, path).Body
	if _, label := sendButton(t, page); label != "Send invitations to 4 people" {
		t.Fatalf("the send button says %q, want 4 people", label)
	}
	if res := formPost(t, c, "/meetups/"+e.meetup.ID+"/invitations/send", page, url.Values{}); res.Status != 303 {
		t.Fatalf("send: %d", res.Status)
	}
	if page := c.Get(t, path).Body; !strings.Contains(page, "Invited 4 people: the invitations are on their way.") {
		t.Errorf("the send's flash does not say 4 people:\n%.4000s", page)
	}
	got, _ := listPage(t, api, "/api/v1/meetups/"+e.meetup.ID+"/attendees?limit=500")
	sameSet(t, "invited", got, foldAddresses("ana bia caio eva"))
}

// TestFoldedAudienceIsWhomTheSurveyReaches: the survey of a meetup whose audience is "sao paulo"
// offers to mail the four people of São Paulo however spelled (the JSON's unmailed and the
// page's button), and its send mails exactly them.
func TestFoldedAudienceIsWhomTheSurveyReaches(t *testing.T) {
	a := newSurveyApp(t, 0)
	api := newAPI(t, a.App)
	foldAudience(t, api, a.meetup.ID)
	a.define(t, "Go", "SQL")
	var sv struct{ Unmailed int }
	decode(t, a.api(t, "GET", a.surveyPath(""), ""), &sv)
	if sv.Unmailed != 4 {
		t.Errorf("unmailed %d, want 4", sv.Unmailed)
	}
	c := loggedIn(t, a.App)
	if page := c.Get(t, "/meetups/"+a.meetup.ID+"/survey").Body; !strings.Contains(page, "Send to 4 people not yet mailed") {
		t.Errorf("the survey page's button does not offer 4 people:\n%.4000s", page)
	}
	var sent map[string]int
	decode(t, a.api(t, "POST", a.surveyPath("/send"), ""), &sent)
	if sent["sent"] != 4 {
		t.Errorf("send = %v, want 4", sent)
	}
	var outbox struct {
		Items []struct{ To, Kind string }
	}
	api.json(t, "GET", "/api/v1/outbox?limit=500&meetup_id="+a.meetup.ID, nil, 200, &outbox)
	var to []string
	for _, m := range outbox.Items {
		if m.Kind == "survey" {
			to = append(to, m.To)
		}
	}
	sameSet(t, "survey mailed to", to, foldAddresses("ana bia caio eva"))
}
