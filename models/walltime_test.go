package models_test

import (
	"errors"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestParseMeetupTime covers plain, offset, gap, overlap and no-longer-DST local times.
func TestParseMeetupTime(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	sao, _ := time.LoadLocation("America/Sao_Paulo")
	ok := []struct {
		in   string
		loc  *time.Location
		fold string
		want string
	}{
		{"2026-06-10T12:00", berlin, "", "2026-06-10T10:00:00Z"},
		{"2026-06-10 12:00:00", berlin, "", "2026-06-10T10:00:00Z"},
		{"2026-03-29T02:30:00+02:00", berlin, "", "2026-03-29T00:30:00Z"},
		{"2026-10-25T02:30", berlin, "earlier", "2026-10-25T00:30:00Z"},
		{"2026-10-25T02:30", berlin, "later", "2026-10-25T01:30:00Z"},
		{"2026-11-01T00:00", sao, "", "2026-11-01T03:00:00Z"},
		{"2026-03-29T01:59", berlin, "", "2026-03-29T00:59:00Z"},
		{"2026-03-29T03:00", berlin, "", "2026-03-29T01:00:00Z"},
	}
	for _, c := range ok {
		got, err := models.ParseMeetupTime("starts_at", c.in, c.loc, c.fold)
		if err != nil || got.Format(time.RFC3339) != c.want {
			t.Errorf("%s %s: %v, %v; want %s", c.in, c.fold, got, err, c.want)
		}
	}
	var we *models.WallTimeError
	_, err := models.ParseMeetupTime("starts_at", "2026-03-29T02:30", berlin, "")
	if !errors.As(err, &we) || we.Kind != "gap" || we.Shifted.Format("15:04 -07:00") != "03:30 +02:00" ||
		we.Before.Format("15:04") != "02:00" || we.After.Format("15:04") != "03:00" {
		t.Fatalf("gap: %v %+v", err, we)
	}
	var ve *models.ValidationError
	if !errors.As(err, &ve) || ve.Fields["starts_at"] != "dst_gap" {
		t.Fatalf("gap is not a field error: %v", err)
	}
	_, err = models.ParseMeetupTime("starts_at", "2026-10-25T02:30", berlin, "")
	if !errors.As(err, &we) || we.Kind != "ambiguous" || we.Earlier.Format("-07:00") != "+02:00" || we.Later.Format("-07:00") != "+01:00" {
		t.Fatalf("ambiguous: %v %+v", err, we)
	}
	for _, bad := range []string{"", "tomorrow", "2026-13-01T10:00", "2026-02-30T10:00"} {
		if _, err := models.ParseMeetupTime("starts_at", bad, berlin, ""); !errors.As(err, &ve) {
			t.Errorf("%q: %v, want a field error", bad, err)
		}
	}
}
