package models_test

import (
	"context"
	"errors"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestSpeakerExpertiseFilterFolds: the speakers directory's expertise filter finds a tag whatever
// its case, accents and white space, as the directory's other filters do, and names a filter text
// it cannot read as an expertise field error.
func TestSpeakerExpertiseFilterFolds(t *testing.T) {
	s := testutil.DB(t)
	ctx := context.Background()
	team := newTeam(t, s, "Fold")
	in := models.SpeakerInput{Name: "Rui", Email: "rui@example.com", Source: "contacts", Expertise: []string{"Análise de dados", "Segurança"}}
	if _, err := s.CreateSpeaker(ctx, team.ID, in); err != nil {
		t.Fatal(err)
	}
	for tag, want := range map[string]int{"analise de dados": 1, "SEGURANCA": 1, "  Análise   de dados ": 1, "seguranca digital": 0} {
		got, _, err := s.ListSpeakers(ctx, team.ID, models.SpeakerFilter{Expertise: tag}, models.Page{})
		if err != nil || len(got) != want {
			t.Errorf("expertise %q: %d speakers (%v), want %d", tag, len(got), err, want)
		}
	}
	_, _, err := s.ListSpeakers(ctx, team.ID, models.SpeakerFilter{Expertise: "a\x00b"}, models.Page{})
	var ve *models.ValidationError
	if !errors.As(err, &ve) || ve.Fields["expertise"] == "" {
		t.Errorf("a NUL in the expertise filter: %v, want an expertise field error", err)
	}
}
