package models_test

import (
	"errors"
	"testing"

	"github.com/convene/convene/models"
)

// TestChooseTopic picks a proposal: the meetup moves on, the survey closes, the invitees are told.
func TestChooseTopic(t *testing.T) {
	f := newSurveyFix(t, 2)
	f.define(t, "Go")
	if _, err := f.store.SendSurvey(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, f.mail.send); err != nil {
		t.Fatal(err)
	}
	f.mail.take()
	f.answer(t, "e0@example.com", models.SurveyAnswer{Proposal: "Fuzzing"})
	if _, err := f.store.ChooseTopic(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, models.TopicChoice{Topic: "  "}, f.mail.send); !errors.As(err, new(*models.ValidationError)) {
		t.Fatalf("blank topic: %v", err)
	}
	m, err := f.store.ChooseTopic(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, models.TopicChoice{Topic: "Fuzzing", Notify: true}, f.mail.send)
	if err != nil || m.Topic != "Fuzzing" || m.Stage != models.StageSpeakers {
		t.Fatalf("choose = %+v, %v", m, err)
	}
	sv, _ := f.store.GetSurvey(f.ctx, f.team.ID, f.meetup.ID)
	if sv.Open || sv.ClosedBy != "topic" {
		t.Fatalf("survey after the pick: %+v", sv)
	}
	told := f.mail.take()
	if len(told) != 2 || told[0].Kind != models.MailTopicChosen || told[0].Token == "" {
		t.Fatalf("told %+v", told)
	}
	// A second pick keeps the stage and reaches everyone again only because the topic changed.
	if m, _ = f.store.ChooseTopic(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, models.TopicChoice{Topic: "Go", Notify: true}, f.mail.send); m.Stage != models.StageSpeakers {
		t.Fatalf("stage after a second pick = %s", m.Stage)
	}
	if again := f.mail.take(); len(again) != 2 || again[0].Key == told[0].Key {
		t.Fatalf("second notice keys %+v", again)
	}
}

// TestChooseTopicWithoutSurvey sets the topic directly; a cancelled meetup refuses it.
func TestChooseTopicWithoutSurvey(t *testing.T) {
	f := newSurveyFix(t, 1)
	m, err := f.store.ChooseTopic(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, models.TopicChoice{Topic: "Known", Notify: true}, f.mail.send)
	if err != nil || m.Stage != models.StageSpeakers || len(f.mail.take()) != 0 {
		t.Fatalf("direct pick = %+v, %v", m, err)
	}
	f.exec(t, `UPDATE meetups SET stage = 'cancelled'`)
	if _, err := f.store.ChooseTopic(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, models.TopicChoice{Topic: "X"}, f.mail.send); !errors.Is(err, models.ErrWrongStage) {
		t.Fatalf("pick on a cancelled meetup: %v", err)
	}
}

// TestTopicIdeas adds ideas once per text and keeps teams apart.
func TestTopicIdeas(t *testing.T) {
	f := newSurveyFix(t, 0)
	a, err := models.AddTopicIdea(f.ctx, f.store.DB, f.team.ID, " Chaos  engineering ", models.IdeaFromOrganiser, nil)
	if err != nil || a.Title != "Chaos engineering" {
		t.Fatalf("add = %+v, %v", a, err)
	}
	b, err := models.AddTopicIdea(f.ctx, f.store.DB, f.team.ID, "CHAOS ENGINEERING", models.IdeaFromFeedback, &f.meetup.ID)
	if err != nil || b.ID != a.ID {
		t.Fatalf("the same idea twice = %+v, %v", b, err)
	}
	if _, err := models.AddTopicIdea(f.ctx, f.store.DB, f.team.ID, "", models.IdeaFromOrganiser, nil); !errors.As(err, new(*models.ValidationError)) {
		t.Fatalf("blank idea: %v", err)
	}
	other, _ := f.store.EnsureTeam(f.ctx, "Other")
	if err := f.store.DeleteTopicIdea(f.ctx, other.ID, a.ID); !errors.Is(err, models.ErrNotFound) {
		t.Fatalf("another team deleted it: %v", err)
	}
	if ideas, _ := f.store.ListTopicIdeas(f.ctx, other.ID); len(ideas) != 0 {
		t.Fatalf("another team sees %v", ideas)
	}
	if err := f.store.DeleteTopicIdea(f.ctx, f.team.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if ideas, _ := f.store.ListTopicIdeas(f.ctx, f.team.ID); len(ideas) != 0 {
		t.Fatalf("after delete: %v", ideas)
	}
}
