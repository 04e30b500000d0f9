package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// personData is everything one test person has, with the personal links they were mailed.
type personData struct {
	person models.Person
	links  map[string]string // path prefix ("/r/", "/cal/", "/s/", "/o/", "/f/") → token
}

// mustExec runs fixture SQL or fails.
func mustExec(t *testing.T, e *rsvpEnv, q string, args ...any) {
	t.Helper()
	if _, err := e.app.Store.DB.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// giveData fills in every kind of data Convene keeps about p0: an audience include, a survey
// invite and answer with votes, an RSVP yes with a check-in, a feedback request and answer, a
// linked speaker record with a candidacy and its reply link, and mail in every state.
func giveData(t *testing.T, e *rsvpEnv) personData {
	t.Helper()
	ctx := context.Background()
	p, m, team := e.people[0], e.meetup.ID, e.app.Team.ID
	d := personData{person: p, links: map[string]string{"/r/": e.links[0]}}
	mustExec(t, e, `INSERT INTO audiences (team_id, name, include_emails) VALUES ($1, 'Friends', ARRAY['P0@example.com', 'x@example.com'])`, team)
	mustExec(t, e, `INSERT INTO surveys (meetup_id, question, closes_at) VALUES ($1, 'What next?', now() + interval '3 days')`, m)
	mustExec(t, e, `INSERT INTO survey_topics (meetup_id, title, position) VALUES ($1, 'Generics', 1), ($1, 'Fuzzing', 2)`, m)
	mustExec(t, e, `INSERT INTO survey_invites (meetup_id, person_id) VALUES ($1, $2)`, m, p.ID)
	mustExec(t, e, `INSERT INTO survey_responses (meetup_id, person_id, proposal, problems) VALUES ($1, $2, 'Profiling in prod', 'slow builds')`, m, p.ID)
	mustExec(t, e, `INSERT INTO survey_votes (meetup_id, person_id, topic_id) SELECT $1, $2, id FROM survey_topics WHERE title = 'Fuzzing'`, m, p.ID)
	mustExec(t, e, `INSERT INTO feedback_requests (meetup_id, person_id, team_id) VALUES ($1, $2, $3)`, m, p.ID, team)
	mustExec(t, e, `UPDATE meetups SET feedback_sent_at = now(), feedback_closes_at = now() + interval '14 days' WHERE id = $1`, m)
	mustExec(t, e, `INSERT INTO feedback (meetup_id, person_id, team_id, rating, nps, useful) VALUES ($1, $2, $3, 4, 8, 'the live demo')`, m, p.ID, team)
	mustExec(t, e, `INSERT INTO speakers (team_id, person_id, name, email, source, expertise) VALUES ($1, $2, 'Person 0', 'p0@example.com', 'staff', ARRAY['go'])`, team, p.ID)
	var cand string
	if err := e.app.Store.DB.Get(&cand, `INSERT INTO candidates (team_id, meetup_id, speaker_id, status, talk_title)
		SELECT $1, $2, id, 'contacted', 'Go at scale' FROM speakers WHERE person_id = $3 RETURNING id`, team, m, p.ID); err != nil {
		t.Fatal(err)
	}
	for prefix, spec := range map[string]models.LinkSpec{
		"/cal/": {TeamID: team, Purpose: models.PurposeCalendar, PersonID: &p.ID},
		"/s/":   {TeamID: team, Purpose: models.PurposeSurvey, PersonID: &p.ID, MeetupID: &m},
		"/o/":   {TeamID: team, Purpose: models.PurposeOutreach, MeetupID: &m, Subject: cand},
		"/f/":   {TeamID: team, Purpose: models.PurposeFeedback, PersonID: &p.ID, MeetupID: &m},
	} {
		tok, err := e.app.H.Links.Ensure(ctx, e.app.Store.DB, spec)
		if err != nil {
			t.Fatal(err)
		}
		d.links[prefix] = tok
	}
	e.attendance(t, "POST", `{"emails":["p0@example.com","p1@example.com"]}`, 200)
	mailTo(t, e, "queued", p.ID, "p0@example.com", "Your invitation, Person 0")
	mailTo(t, e, "held", "", "P0@example.com", "Reminder for Person 0")
	mailTo(t, e, "sent", p.ID, "p0@example.com", "Survey for Person 0")
	mailTo(t, e, "sent", e.people[1].ID, "p1@example.com", "Survey for Person 1")
	return d
}

// linkPath is the page of a personal link: the calendar feed's ends in .ics.
func linkPath(prefix, tok string) string {
	if prefix == "/cal/" {
		return prefix + tok + ".ics"
	}
	return prefix + tok
}

// mailTo enqueues a mail and puts it in the given status.
func mailTo(t *testing.T, e *rsvpEnv, status, personID, to, subject string) {
	t.Helper()
	id, _, err := models.Enqueue(context.Background(), e.app.Store.DB, models.OutboxMessage{TeamID: e.app.Team.ID, MeetupID: e.meetup.ID,
		PersonID: personID, Kind: "survey", IdempotencyKey: "t:" + subject, ToEmail: to, ToName: "Person", From: "Convene <c@example.com>",
		Subject: subject, Text: "Dear " + to, HTML: "<p>Dear " + to})
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, e, `UPDATE outbox SET status = $2, sent_at = CASE WHEN $2 = 'sent' THEN now() END WHERE id = $1`, id, status)
}

// TestPersonExport: the export holds every kind of the person's data, names mail by subject
// and status without bodies, lists links without tokens, and is audited; the person page shows
// the meetups and survey answers.
func TestPersonExport(t *testing.T) {
	e := newDoorEnv(t, 3, 2, 10)
	d := giveData(t, e)
	res := e.call(t, "GET", "/api/v1/people/"+d.person.ID+"/export", "")
	if res.Status != 200 || !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: %d %v", res.Status, res.Header)
	}
	var x models.PersonExport
	if err := json.Unmarshal([]byte(res.Body), &x); err != nil {
		t.Fatal(err)
	}
	checks := map[string]bool{
		"person":          x.Person.Email == "p0@example.com" && x.Person.Name == "Person 0",
		"audience":        len(x.Audiences) == 1 && x.Audiences[0].Name == "Friends" && x.Audiences[0].How == "include",
		"survey invite":   len(x.SurveyInvites) == 1,
		"survey answer":   len(x.SurveyAnswers) == 1 && x.SurveyAnswers[0].Proposal == "Profiling in prod" && strings.Join(x.SurveyAnswers[0].Votes, ",") == "Fuzzing",
		"rsvp":            len(x.RSVPs) == 1 && x.RSVPs[0].Status == "yes" && x.RSVPs[0].CheckedInAt != nil && *x.RSVPs[0].Rating == 4,
		"feedback asked":  len(x.FeedbackAsked) == 1,
		"feedback":        len(x.Feedback) == 1 && x.Feedback[0].Useful == "the live demo" && *x.Feedback[0].NPS == 8,
		"speaker":         x.Speaker != nil && x.Speaker.Source == "staff",
		"candidacy":       len(x.Candidacies) == 1 && x.Candidacies[0].TalkTitle == "Go at scale",
		"links":           len(x.Links) == 5,
		"mail":            len(x.Mail) == 3,
		"no mail body":    !strings.Contains(res.Body, "Dear "),
		"no other person": !strings.Contains(res.Body, "p1@example.com"),
	}
	for prefix, tok := range d.links {
		checks["no token "+prefix] = !strings.Contains(res.Body, tok)
	}
	for what, ok := range checks {
		if !ok {
			t.Errorf("export: %s wrong:\n%s", what, res.Body)
		}
	}
	if a := auditActions(t, e.app); a["person.export"] != 1 {
		t.Fatalf("export not audited: %v", a)
	}

	c := loggedIn(t, e.app)
	page := c.Get(t, "/people/"+d.person.ID)
	for _, want := range []string{"Lunch &amp; learn: Go", "Yes", "✓", "4/5", "Fuzzing", "Profiling in prod", "Download my data", `href="/people/` + d.person.ID + `/export"`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("person page lacks %q", want)
		}
	}
	dl := c.Get(t, "/people/"+d.person.ID+"/export")
	if dl.Status != 200 || !strings.Contains(dl.Body, `"survey_answers"`) {
		t.Fatalf("UI download: %d", dl.Status)
	}
	apiError(t, "unknown person", e.call(t, "GET", "/api/v1/people/00000000-0000-0000-0000-000000000000/export", ""), 404, "not_found")
}

// TestEraseLeavesNothing: after erasing a person, nothing of theirs is left in the exports, the
// report's tables, the outbox or the audit log, and every personal link of theirs is a 404.
func TestEraseLeavesNothing(t *testing.T) {
	e := newDoorEnv(t, 3, 2, 1) // one seat: p0 holds it, p1 waits
	d := giveData(t, e)
	mustExec(t, e, `INSERT INTO audit_log (team_id, action, target, detail) VALUES ($1, 'outbox.retry', 'x', '{"to":"p0@example.com"}')`, e.app.Team.ID)
	for prefix, tok := range d.links {
		if res := e.api.Get(t, linkPath(prefix, tok)); res.Status != http.StatusOK {
			t.Fatalf("%s link before the erase: %d", prefix, res.Status)
		}
	}
	if res := e.call(t, "DELETE", "/api/v1/people/"+d.person.ID, ""); res.Status != http.StatusNoContent {
		t.Fatalf("erase: %d %s", res.Status, res.Body)
	}
	for _, path := range []string{"/attendees.csv", "/feedback.csv"} {
		body := e.call(t, "GET", "/api/v1/meetups/"+e.meetup.ID+path, "").Body
		if strings.Contains(strings.ToLower(body), "p0@example.com") || strings.Contains(body, "Person 0") {
			t.Errorf("%s still names the person:\n%s", path, body)
		}
	}
	var left []string
	err := e.app.Store.DB.Select(&left, `
		SELECT 'rsvp' FROM rsvps WHERE person_id = $1 UNION ALL SELECT 'feedback' FROM feedback WHERE person_id = $1
		UNION ALL SELECT 'feedback_request' FROM feedback_requests WHERE person_id = $1
		UNION ALL SELECT 'survey_invite' FROM survey_invites WHERE person_id = $1
		UNION ALL SELECT 'survey_answer' FROM survey_responses WHERE person_id = $1
		UNION ALL SELECT 'vote' FROM survey_votes WHERE person_id = $1
		UNION ALL SELECT 'link' FROM links WHERE person_id = $1 OR purpose = 'outreach'
		UNION ALL SELECT 'seat' FROM rsvp_seats WHERE person_id = $1
		UNION ALL SELECT 'speaker' FROM speakers WHERE person_id = $1 OR email ILIKE 'p0@%'
		UNION ALL SELECT 'audience' FROM audiences WHERE 'P0@example.com' = ANY(include_emails)
		UNION ALL SELECT 'outbox ' || status FROM outbox WHERE person_id = $1 OR to_email ILIKE 'p0@%' OR subject LIKE '%Person 0%' OR text_body LIKE '%p0@%'
		UNION ALL SELECT 'audit' FROM audit_log WHERE detail::text ILIKE '%p0@example.com%'
		UNION ALL SELECT 'person' FROM people WHERE id = $1`, d.person.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Fatalf("left behind: %v", left)
	}
	var sent, others int
	_ = e.app.Store.DB.Get(&sent, `SELECT count(*) FROM outbox WHERE status = 'sent' AND to_email = ''`)
	_ = e.app.Store.DB.Get(&others, `SELECT count(*) FROM outbox WHERE to_email = 'p1@example.com'`)
	if sent != 1 || others != 1 {
		t.Fatalf("sent mail scrubbed %d (want 1), other people's mail %d (want 1)", sent, others)
	}
	for prefix, tok := range d.links {
		if res := e.api.Get(t, linkPath(prefix, tok)); res.Status != http.StatusNotFound {
			t.Errorf("%s link after the erase: %d", prefix, res.Status)
		}
	}
	if in := e.checkedIn(t); len(in) != 1 || !in["p1@example.com"] {
		t.Fatalf("attendees after the erase: %v", in)
	}
	walk := e.attendance(t, "POST", `{"emails":["late@example.com"],"walk_in":true}`, 200)
	if res := e.call(t, "DELETE", "/api/v1/people/"+walk.Items[0].PersonID, ""); res.Status != http.StatusNoContent {
		t.Fatalf("erase a walk-in holding an excess seat: %d %s", res.Status, res.Body)
	}
}
