package models_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestVotingChangingAndRanking votes, changes a vote and checks the ranked tally.
func TestVotingChangingAndRanking(t *testing.T) {
	f := newSurveyFix(t, 4)
	f.define(t, "Go", "Rust", "SQL", "Kotlin")
	f.answer(t, "e0@example.com", models.SurveyAnswer{Topics: []string{"Go", "SQL"}, Proposal: "Fuzzing", Problems: "Flaky CI"})
	f.answer(t, "e1@example.com", models.SurveyAnswer{Topics: []string{"sql"}, Proposal: " fuzzing  "})
	f.answer(t, "e2@example.com", models.SurveyAnswer{Topics: []string{"Rust", "SQL"}, Proposal: "eBPF"})
	f.answer(t, "e3@example.com", models.SurveyAnswer{Problems: "Slow builds"})

	// e0 changes their mind: the new answer replaces the old one entirely.
	f.answer(t, "e0@example.com", models.SurveyAnswer{Topics: []string{"Rust"}, Problems: "Flaky CI, still"})
	a, err := f.store.GetAnswer(f.ctx, f.meetup.ID, f.personID(t, "e0@example.com"))
	if err != nil || !reflect.DeepEqual([]string(a.Topics), []string{"Rust"}) || a.Proposal != "" {
		t.Fatalf("changed answer = %+v, %v", a, err)
	}

	r := f.results(t)
	if r.Responses != 4 {
		t.Fatalf("responses = %d, want 4", r.Responses)
	}
	wantTopics := []models.TopicVotes{{Topic: "Rust", Votes: 2}, {Topic: "SQL", Votes: 2}, {Topic: "Go", Votes: 0}, {Topic: "Kotlin", Votes: 0}}
	if !reflect.DeepEqual(r.Topics, wantTopics) {
		t.Fatalf("topics = %+v, want %+v (ties in the organiser's order)", r.Topics, wantTopics)
	}
	if len(r.Proposals) != 2 || r.Proposals[0].Count != 1 || r.Proposals[1].Count != 1 {
		t.Fatalf("proposals = %+v", r.Proposals)
	}
	f.answer(t, "e3@example.com", models.SurveyAnswer{Proposal: "EBPF", Problems: "Slow builds"})
	if r = f.results(t); r.Proposals[0] != (models.ProposalCount{Topic: "eBPF", Count: 2}) {
		t.Fatalf("proposals grouped case-insensitively = %+v", r.Proposals)
	}
	if want := []models.ProblemCount{{Problem: "Slow builds", Count: 1}, {Problem: "Flaky CI, still", Count: 1}}; !reflect.DeepEqual(r.Problems, want) {
		t.Fatalf("problems (newest first) = %+v, want %+v", r.Problems, want)
	}
}

// TestAnswerRefusesBadInput checks unknown topics, empty answers and proposals when not allowed.
func TestAnswerRefusesBadInput(t *testing.T) {
	f := newSurveyFix(t, 1)
	f.define(t, "Go")
	pid := f.personID(t, "e0@example.com")
	cases := map[string]struct {
		a           models.SurveyAnswer
		field, want string
	}{
		"unknown topic": {models.SurveyAnswer{Topics: []string{"Go", "COBOL"}}, "topic", "unknown_topic"},
		"empty":         {models.SurveyAnswer{Problems: "   "}, "topic", "empty_answer"},
		"long proposal": {models.SurveyAnswer{Proposal: strings.Repeat("x", 300)}, "proposal", "max_chars:200"},
		"NUL proposal":  {models.SurveyAnswer{Proposal: "a\x00b"}, "proposal", "line_break"},
		"NUL problems":  {models.SurveyAnswer{Topics: []string{"Go"}, Problems: "a\x00b"}, "problems", "control_char"},
	}
	for name, c := range cases {
		err := f.store.SaveAnswer(f.ctx, f.meetup.ID, pid, c.a)
		var ve *models.ValidationError
		if !errors.As(err, &ve) || ve.Fields[c.field] != c.want {
			t.Errorf("%s: err = %v, want %s: %s", name, err, c.field, c.want)
		}
	}
	no := false
	in := models.SurveyInput{Question: "Q", Topics: []string{"Go"}, AllowProposals: &no,
		ClosesAt: time.Now().Add(time.Hour).Format(time.RFC3339)}
	if _, err := f.store.DefineSurvey(f.ctx, f.team.ID, "", f.meetup.ID, in); err != nil {
		t.Fatal(err)
	}
	err := f.store.SaveAnswer(f.ctx, f.meetup.ID, pid, models.SurveyAnswer{Proposal: "Mine"})
	var ve *models.ValidationError
	if !errors.As(err, &ve) || ve.Fields["proposal"] != "proposals_closed" {
		t.Fatalf("proposal when not allowed: %v", err)
	}
	if r := f.results(t); r.Responses != 0 {
		t.Fatalf("a refused answer was counted: %+v", r)
	}
}

// TestErasingAPersonErasesTheirSurveyData: deleting the directory row (as erasing a person does)
// removes their invitation, answer, votes and link.
func TestErasingAPersonErasesTheirSurveyData(t *testing.T) {
	f := newSurveyFix(t, 2)
	f.define(t, "Go")
	if _, err := f.store.SendSurvey(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, f.mail.send); err != nil {
		t.Fatal(err)
	}
	f.answer(t, "e0@example.com", models.SurveyAnswer{Topics: []string{"Go"}, Problems: "Mine"})
	f.exec(t, `DELETE FROM people WHERE email = 'e0@example.com'`)
	var left int
	err := f.store.DB.GetContext(f.ctx, &left, `SELECT (SELECT count(*) FROM survey_invites) + (SELECT count(*) FROM survey_responses)
		+ (SELECT count(*) FROM survey_votes) + (SELECT count(*) FROM links)`)
	if err != nil || left != 2 { // e1's invitation and link
		t.Fatalf("rows left after erasing e0: %d, %v", left, err)
	}
}
