package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestReportsPage lists only the team's meetups, with links to their reports: survey results
// only for a meetup that had a survey.
func TestReportsPage(t *testing.T) {
	app := testutil.NewApp(t)
	ctx := context.Background()
	ours, err := app.Store.CreateMeetup(ctx, app.Team.ID, app.User.ID, models.NewMeetup{Title: "Ours"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.Store.DB.Exec(`INSERT INTO surveys (meetup_id, question, closes_at) VALUES ($1, 'Q?', now() + interval '1 day')`, ours.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Store.CreateMeetup(ctx, app.Team.ID, app.User.ID, models.NewMeetup{Title: "Unsurveyed"}); err != nil {
		t.Fatal(err)
	}
	other, _ := app.AddUser(t, "Other Team", "other@example.com", models.RoleOrganiser)
	if _, err := app.Store.CreateMeetup(ctx, other.ID, "", models.NewMeetup{Title: "Theirs"}); err != nil {
		t.Fatal(err)
	}
	c := app.Client()
	c.Login(t, app.User.Email, testutil.Password)
	r := c.Get(t, "/reports")
	if r.Status != 200 || !strings.Contains(r.Body, "Ours") || strings.Contains(r.Body, "Theirs") {
		t.Fatalf("reports: %d, ours shown: %v, theirs shown: %v", r.Status, strings.Contains(r.Body, "Ours"), strings.Contains(r.Body, "Theirs"))
	}
	if !strings.Contains(r.Body, ours.ID+"/survey\">Survey results") || strings.Count(r.Body, ">Survey results<") != 1 {
		t.Fatalf("survey results should be linked for the surveyed meetup only:\n%s", r.Body)
	}
}

// TestReportsPageAuditRowsReadLikeTheAuditLog: the recent actions on /reports name the actor
// (Convene for the system's own), the action and its target as /audit does, in the
// organiser's language, and link to the whole log.
func TestReportsPageAuditRowsReadLikeTheAuditLog(t *testing.T) {
	e := newRSVPEnv(t, 1, 5)
	mustExec(t, e, `INSERT INTO audit_log (team_id, user_id, action, target, detail) VALUES
		($1, NULL, 'feedback.send', 'meetup:' || $2, '{"mailed": 3, "by": "schedule"}'),
		($1, NULL, 'meetup.celebrate', $2, '{}')`, e.app.Team.ID, e.meetup.ID)
	c := loggedIn(t, e.app)
	body := c.Get(t, "/reports").Body
	i := strings.Index(body, `id="audit"`)
	if i < 0 {
		t.Fatalf("no recent actions on /reports:\n%s", body)
	}
	recent := body[i:]
	for _, want := range []string{`<td class="audit-who">Convene</td>`, "Feedback form sent <small><code>feedback.send</code>",
		"Thank-yous and recap sent", "Meetup scheduled", "organiser@example.com",
		`href="/meetups/` + e.meetup.ID + `">Lunch &amp; learn: Go</a>`, "<li><small>Started by: the schedule</small></li><li><small>Mailed: 3</small></li>",
		`<a href="/audit" id="audit-all">See the whole audit log</a>`} {
		if !strings.Contains(recent, want) {
			t.Errorf("recent actions lack %q", want)
		}
	}
	mustExec(t, e, `UPDATE users SET lang = 'ru' WHERE id = $1`, e.app.User.ID)
	ru := c.Get(t, "/reports").Body
	for _, want := range []string{"Разослана анкета отзыва", "Разосланы благодарности и итоги", "Весь журнал действий",
		"<li><small>Запущено: по расписанию</small></li><li><small>Отправлено писем: 3</small></li>"} {
		if !strings.Contains(ru, want) {
			t.Errorf("Russian recent actions lack %q", want)
		}
	}
}
