package models_test

import (
	"context"
	"errors"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestLinks proves tokens are stable per (purpose, person, meetup) and refuse everything else.
func TestLinks(t *testing.T) {
	store := testutil.DB(t)
	ctx := context.Background()
	team, err := store.EnsureTeam(ctx, "Links")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := models.UpsertPerson(ctx, store.DB, team.ID, models.Person{Email: "p@example.com", Timezone: "UTC", Language: "en"}); err != nil {
		t.Fatal(err)
	}
	var personID string
	if err := store.DB.GetContext(ctx, &personID, `SELECT id FROM people`); err != nil {
		t.Fatal(err)
	}
	lk := models.NewLinker("a-secret-of-at-least-thirty-two-characters")
	spec := models.LinkSpec{TeamID: team.ID, Purpose: models.PurposeCalendar, PersonID: &personID}
	tok, err := lk.Ensure(ctx, store.DB, spec)
	if err != nil {
		t.Fatal(err)
	}
	again, err := lk.Ensure(ctx, store.DB, spec)
	if err != nil || again != tok {
		t.Fatalf("second Ensure = %q, %v; want the same token", again, err)
	}
	got, err := lk.Resolve(ctx, store.DB, tok, models.PurposeCalendar)
	if err != nil || *got.PersonID != personID {
		t.Fatalf("Resolve = %+v, %v", got, err)
	}
	var stored int
	if err := store.DB.GetContext(ctx, &stored, `SELECT count(*) FROM links WHERE position($1::bytea in token_hash) > 0`, []byte(tok)); err != nil || stored != 0 {
		t.Fatalf("token text stored in the table (%d, %v)", stored, err)
	}
	flip := byte('A')
	if tok[42] == 'A' {
		flip = 'B'
	}
	tampered := tok[:42] + string(flip)
	bad := map[string]struct{ token, purpose string }{
		"wrong purpose": {tok, models.PurposeRSVP},
		"tampered":      {tampered, models.PurposeCalendar},
		"unknown":       {"x" + tok[1:], models.PurposeCalendar},
		"short":         {tok[:20], models.PurposeCalendar},
	}
	for name, b := range bad {
		if _, err := lk.Resolve(ctx, store.DB, b.token, b.purpose); !errors.Is(err, models.ErrNotFound) {
			t.Errorf("%s: err = %v, want ErrNotFound", name, err)
		}
	}
	other := models.NewLinker("another-secret-of-at-least-thirty-two-chars")
	if _, err := other.Resolve(ctx, store.DB, tok, models.PurposeCalendar); !errors.Is(err, models.ErrNotFound) {
		t.Errorf("token under another secret: err = %v", err)
	}
}
