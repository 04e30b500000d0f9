package models_test

import (
	"context"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestDirectoryFiltersFollowEveryWrite: the folds the filters read (migration 00016) follow a
// person's edit, so a filter finds the new department, city and interests whatever their
// accents and case, and no longer the old ones.
func TestDirectoryFiltersFollowEveryWrite(t *testing.T) {
	s := testutil.DB(t)
	ctx := context.Background()
	team := newTeam(t, s, "Fold")
	p, err := s.CreatePerson(ctx, team.ID, "", models.Person{Email: "zoe@example.com", Name: "Zoë",
		Department: "Finance", Location: "Berlin", Timezone: "UTC", Language: "en", Interests: []string{"Go"}})
	if err != nil {
		t.Fatal(err)
	}
	dept, city, interests := "Ingeniería", "Zürich", []string{"Straße", "Œuvres d'art"}
	if _, err := s.UpdatePerson(ctx, team.ID, "", p.ID, models.PersonPatch{Department: &dept, Location: &city, Interests: &interests}); err != nil {
		t.Fatal(err)
	}
	for f, want := range map[models.PeopleFilter]int{
		{Department: "INGENIERIA"}: 1, {Location: "zurich"}: 1, {Interest: "STRASSE"}: 1, {Interest: "oeuvres d'art"}: 1,
		{Department: "Finance"}: 0, {Location: "Berlin"}: 0, {Interest: "go"}: 0,
		{Department: "ingenieria", Location: "ZÜRICH", Interest: "strasse"}: 1,
	} {
		got, _, err := s.ListPeople(ctx, team.ID, f, models.Page{})
		if err != nil || len(got) != want {
			t.Errorf("%+v: %d people (%v), want %d", f, len(got), err, want)
		}
	}
	n, err := s.CountMembers(ctx, team.ID, models.Audience{Locations: []string{"Zurich"}, Interests: []string{"strasse", "x"}})
	if err != nil || n != 1 {
		t.Errorf("audience of Zurich and strasse: %d (%v), want 1", n, err)
	}
}
