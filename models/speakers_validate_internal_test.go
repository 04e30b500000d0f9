package models

import (
	"strings"
	"testing"
)

// TestSpeakerExpertiseRefusesInvalidUTF8: a tag that is not UTF-8 is refused, not lowercased into
// U+FFFD.
func TestSpeakerExpertiseRefusesInvalidUTF8(t *testing.T) {
	if _, msg := normalizeTags([]string{"Go, Caf\xe9"}); msg != "invalid_utf8" {
		t.Fatalf("normalizeTags: %q, want invalid_utf8", msg)
	}
	if tags, msg := normalizeTags([]string{"Go, Café"}); msg != "" || strings.Join(tags, ",") != "go,café" {
		t.Fatalf("normalizeTags: %q %q", tags, msg)
	}
}
