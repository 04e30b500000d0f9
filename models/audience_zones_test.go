package models_test

import (
	"context"
	"testing"

	"github.com/convene/convene/models"
	"github.com/lib/pq"
)

// TestAudienceZonesBeforeInvitations: before anyone is invited, the time zones a schedule is
// checked against are those of the meetup's audience, not of the whole directory; after the
// invitations, those of the people invited.
func TestAudienceZonesBeforeInvitations(t *testing.T) {
	f := newFixture(t, 6, 10, nil) // six people in Europe/Berlin
	ctx := context.Background()
	if _, err := f.store.DB.Exec(`UPDATE people SET department = 'Eng', timezone = 'Asia/Tokyo'
		WHERE id = ANY($1)`, pq.StringArray(f.people[:2])); err != nil {
		t.Fatal(err)
	}
	aud, err := f.store.CreateAudience(ctx, f.team, models.Audience{Name: "Engineers", Departments: pq.StringArray{"Eng"}})
	if err != nil {
		t.Fatal(err)
	}
	zones := func() []models.ZoneCount {
		z, err := f.store.AudienceZones(ctx, f.team, f.meetup.ID)
		if err != nil {
			t.Fatal(err)
		}
		return z
	}
	if z := zones(); len(z) != 2 || z[0] != (models.ZoneCount{Zone: "Europe/Berlin", Count: 4}) {
		t.Fatalf("no audience: %+v, want the whole team", z)
	}
	if _, err := f.store.DB.Exec(`UPDATE meetups SET audience_id = $1 WHERE id = $2`, aud, f.meetup.ID); err != nil {
		t.Fatal(err)
	}
	if z := zones(); len(z) != 1 || z[0] != (models.ZoneCount{Zone: "Asia/Tokyo", Count: 2}) {
		t.Fatalf("audience of two engineers in Tokyo: %+v", z)
	}
	f.invite(t) // everyone, whatever the audience said
	if z := zones(); len(z) != 2 {
		t.Fatalf("after invitations: %+v, want the invited", z)
	}
}
