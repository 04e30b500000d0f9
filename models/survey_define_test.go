package models_test

import (
	"errors"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestDefineSurveyRefusesBadInput names the field of every refused input.
func TestDefineSurveyRefusesBadInput(t *testing.T) {
	f := newSurveyFix(t, 1)
	week := time.Now().Add(7 * 24 * time.Hour).Format(time.RFC3339)
	cases := map[string]struct {
		in          models.SurveyInput
		field, want string
	}{
		"no question":    {models.SurveyInput{Topics: []string{"A"}, ClosesAt: week}, "question", "required"},
		"no topics":      {models.SurveyInput{Question: "Q", ClosesAt: week}, "topics", "no_topics"},
		"blank topic":    {models.SurveyInput{Question: "Q", Topics: []string{"A", "  "}, ClosesAt: week}, "topics.1", "required"},
		"duplicate":      {models.SurveyInput{Question: "Q", Topics: []string{"Go", "Rust", " go "}, ClosesAt: week}, "topics.2", "duplicate_topic"},
		"no closing":     {models.SurveyInput{Question: "Q", Topics: []string{"A"}}, "closes_at", "required"},
		"past":           {models.SurveyInput{Question: "Q", Topics: []string{"A"}, ClosesAt: "2020-01-01T10:00:00Z"}, "closes_at", "in_the_past"},
		"garbage time":   {models.SurveyInput{Question: "Q", Topics: []string{"A"}, ClosesAt: "next friday"}, "closes_at", "invalid_time"},
		"too far":        {models.SurveyInput{Question: "Q", Topics: []string{"A"}, ClosesAt: "2999-01-01T10:00:00Z"}, "closes_at", "too_far"},
		"DST gap":        {models.SurveyInput{Question: "Q", Topics: []string{"A"}, ClosesAt: nextGap()}, "closes_at", "nonexistent_time"},
		"NUL in problem": {models.SurveyInput{Question: "Q", Topics: []string{"A"}, ClosesAt: week, ProblemsQuestion: "a\x00b"}, "problems_question", "line_break"},
	}
	for name, c := range cases {
		_, err := f.store.DefineSurvey(f.ctx, f.team.ID, "", f.meetup.ID, c.in)
		var ve *models.ValidationError
		if !errors.As(err, &ve) || ve.Fields[c.field] != c.want {
			t.Errorf("%s: err = %v, want %s: %s", name, err, c.field, c.want)
		}
	}
	if _, err := f.store.GetSurvey(f.ctx, f.team.ID, f.meetup.ID); !errors.Is(err, models.ErrNotFound) {
		t.Fatalf("a refused survey was stored: %v", err)
	}
}

// nextGap is the wall time skipped in Berlin at the next spring-forward (last Sunday of March, 02:30).
func nextGap() string {
	loc, _ := time.LoadLocation("Europe/Berlin")
	y := time.Now().Year()
	for {
		d := time.Date(y, time.March, 31, 12, 0, 0, 0, loc)
		for d.Weekday() != time.Sunday {
			d = d.AddDate(0, 0, -1)
		}
		if d.After(time.Now()) {
			return d.Format("2006-01-02") + "T02:30"
		}
		y++
	}
}

// TestDefineSurveyMovesStageAndKeepsVotes checks the stage, wall-time closing and topic edits.
func TestDefineSurveyMovesStageAndKeepsVotes(t *testing.T) {
	f := newSurveyFix(t, 2)
	in := models.SurveyInput{Question: " What next? ", Topics: []string{"Go", "Rust", "SQL"},
		ClosesAt: time.Now().AddDate(0, 0, 3).Format("2006-01-02") + "T18:00"}
	sv, err := f.store.DefineSurvey(f.ctx, f.team.ID, "", f.meetup.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if sv.Question != "What next?" || !sv.AllowProposals || !sv.Open || len(sv.Topics) != 3 {
		t.Fatalf("survey = %+v", sv)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	if got := sv.ClosesAt.In(berlin).Format("15:04"); got != "18:00" {
		t.Fatalf("closes at %s Berlin time, want 18:00", got)
	}
	if m, _ := f.store.GetMeetup(f.ctx, f.team.ID, f.meetup.ID); m.Stage != models.StageSurvey {
		t.Fatalf("stage = %s", m.Stage)
	}
	f.answer(t, "e0@example.com", models.SurveyAnswer{Topics: []string{"go", "SQL"}})
	in.Topics = []string{"sql", "Go", "Kotlin"} // reorder, recase, drop Rust, add Kotlin
	if sv, err = f.store.DefineSurvey(f.ctx, f.team.ID, "", f.meetup.ID, in); err != nil {
		t.Fatal(err)
	}
	if got := sv.Topics; len(got) != 3 || got[0] != "sql" || got[2] != "Kotlin" {
		t.Fatalf("topics = %v", got)
	}
	r := f.results(t)
	want := []models.TopicVotes{{Topic: "sql", Votes: 1}, {Topic: "Go", Votes: 1}, {Topic: "Kotlin", Votes: 0}}
	for i, w := range want {
		if r.Topics[i] != w {
			t.Fatalf("tally = %+v, want %+v", r.Topics, want)
		}
	}
	if _, err := f.store.DefineSurvey(f.ctx, "00000000-0000-0000-0000-000000000000", "", f.meetup.ID, in); !errors.Is(err, models.ErrNotFound) {
		t.Fatalf("another team defined it: %v", err)
	}
}
