package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestReportsPage lists only the team's meetups, with links to their reports.
func TestReportsPage(t *testing.T) {
	app := testutil.NewApp(t)
	ctx := context.Background()
	if _, err := app.Store.CreateMeetup(ctx, app.Team.ID, app.User.ID, models.NewMeetup{Title: "Ours"}); err != nil {
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
	if !strings.Contains(r.Body, "/survey\">Survey results") {
		t.Fatalf("no link to the survey results")
	}
}
