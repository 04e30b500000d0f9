package models_test

import (
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// TestMeetupOrganisers: the one query behind feedback alerts, speaker mail and recaps names the
// meetup's creator (with its user id), or every user of its team, by email, when none is recorded.
func TestMeetupOrganisers(t *testing.T) {
	f := newFeedbackFix(t, 0)
	second := newUser(t, f.store, f.team.ID, "a-second@example.com")
	other := newTeam(t, f.store, "Other team")
	newUser(t, f.store, other.ID, "outsider@example.com")
	want := func(what string, ids string, emails string) {
		t.Helper()
		orgs, err := models.MeetupOrganisers(f.ctx, f.store.DB, f.meetup.ID)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		var gotIDs, gotEmails []string
		for _, o := range orgs {
			gotIDs, gotEmails = append(gotIDs, o.ID), append(gotEmails, o.Email)
		}
		if strings.Join(gotIDs, " ") != ids || strings.Join(gotEmails, " ") != emails {
			t.Fatalf("%s: got %v %v, want %s %s", what, gotIDs, gotEmails, ids, emails)
		}
		if r := models.Recipients(orgs); len(r) != len(orgs) || (len(r) > 0 && r[0].Email != orgs[0].Email) {
			t.Fatalf("%s: recipients %v", what, r)
		}
	}
	want("creator", f.user.ID, "organiser@example.com")
	f.exec(t, `UPDATE meetups SET created_by = NULL WHERE id = $1`, f.meetup.ID)
	want("no creator", second.ID+" "+f.user.ID, "a-second@example.com organiser@example.com")
}
