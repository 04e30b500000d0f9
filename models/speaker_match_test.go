package models

import (
	"slices"
	"testing"
	"time"
)

// TestMatchWords covers stop words, aliases and inflections.
func TestMatchWords(t *testing.T) {
	if got := matchWords("How Go and PostgreSQL use индексы"); !slices.Equal(got, []string{"go", "postgres", "use", "индексы"}) {
		t.Errorf("matchWords = %v", got)
	}
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"index", "indexes", true}, {"данные", "данных", true}, {"postgres", "postgres", true},
		{"java", "javascript", false}, {"data", "database", false}, {"go", "google", false},
	} {
		if got := sameWord(c.a, c.b); got != c.want {
			t.Errorf("sameWord(%q, %q) = %v", c.a, c.b, got)
		}
	}
	if !tagMatches("distributed systems", matchWords("Debugging distributed systems")) || tagMatches("machine learning", matchWords("learning culture")) {
		t.Error("multi-word tags need every word")
	}
}

// TestParseSlotTime covers offsets, wall times, a DST gap and an overlap.
func TestParseSlotTime(t *testing.T) {
	kyiv, _ := time.LoadLocation("Europe/Kyiv")
	if got, msg := ParseSlotTime("2031-06-03T13:00", kyiv, ""); msg != "" || got.Format(time.RFC3339) != "2031-06-03T10:00:00Z" {
		t.Errorf("wall time: %v %s", got, msg)
	}
	if got, msg := ParseSlotTime("2031-06-03T13:00:00-04:00", kyiv, ""); msg != "" || got.Hour() != 17 {
		t.Errorf("offset: %v %s", got, msg)
	}
	if _, msg := ParseSlotTime("2031-03-30T03:30", kyiv, ""); msg != "nonexistent_time" {
		t.Errorf("gap: %s", msg)
	}
	if _, msg := ParseSlotTime("2031-10-26T03:30", kyiv, ""); msg != "ambiguous_time" {
		t.Errorf("overlap: %s", msg)
	}
	if _, msg := ParseSlotTime("soon", kyiv, ""); msg != "invalid_time" {
		t.Errorf("garbage: %s", msg)
	}
}
