package models

import (
	"slices"
	"testing"
)

// TestZoneSpelling: a time zone typed in the wrong case is taken in IANA's spelling; a name that
// is no zone in any case is still refused.
func TestZoneSpelling(t *testing.T) {
	z := Zones{}
	for typed, want := range map[string]string{"europe/berlin": "Europe/Berlin", "AMERICA/SAO_PAULO": "America/Sao_Paulo",
		"utc": "UTC", "Asia/Tokyo": "Asia/Tokyo", "america/argentina/buenos_aires": "America/Argentina/Buenos_Aires"} {
		if got, ok := z.knownZone(typed); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", typed, got, ok, want)
		}
	}
	for _, bad := range []string{"mars/base", "local", "Local", ""} {
		if _, ok := z.knownZone(bad); ok {
			t.Errorf("%q taken as a zone", bad)
		}
	}
}

// TestCleanListFoldsRepeats proves a list keeps one spelling of values the filters take for one:
// "Sao Paulo" after "São Paulo", "GO" after "Go", and drops blanks.
func TestCleanListFoldsRepeats(t *testing.T) {
	got := CleanList([]string{" São Paulo ", "Go", "", "Sao Paulo", "GO", "Zürich", "zurich", "Berlin"})
	want := []string{"São Paulo", "Go", "Zürich", "Berlin"}
	if !slices.Equal(got, want) {
		t.Fatalf("CleanList = %q, want %q", got, want)
	}
}
