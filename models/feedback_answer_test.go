package models_test

import (
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// sendNow sends the form by hand and forgets the mail.
func (f *feedbackFix) sendNow(t *testing.T) {
	t.Helper()
	if _, err := f.store.SendFeedback(f.ctx, f.lk, f.team.ID, f.user.ID, f.meetup.ID, f.mail); err != nil {
		t.Fatal(err)
	}
	f.took()
}

// TestFeedbackLowRatingAlertsOnce: a rating of 2 alerts the creator at once; changing the answer
// (to 1, to 4, back to 1) alerts nobody again; a good rating never alerts.
func TestFeedbackLowRatingAlertsOnce(t *testing.T) {
	f := newFeedbackFix(t, 2)
	f.rsvp(t, 0, "yes", false)
	f.rsvp(t, 1, "yes", false)
	f.sendNow(t)
	fb := f.answer(t, 0, models.FeedbackInput{Rating: "2", Improve: "Too long, no slides"})
	if fb.AlertedAt == nil {
		t.Fatal("alerted_at not set")
	}
	wantMailed(t, "first low rating", f.alerted(), "low_rating 2 organiser@example.com")
	for _, r := range []string{"1", "4", "1"} {
		f.answer(t, 0, models.FeedbackInput{Rating: r})
	}
	f.answer(t, 1, models.FeedbackInput{Rating: "5", NPS: "10"})
	wantMailed(t, "changes and a good rating", f.alerted())
	if n := count(t, f.store, `SELECT count(*) FROM feedback WHERE rating = 1`); n != 1 {
		t.Fatalf("the change was not kept: %d", n)
	}
}

// TestFeedbackAlertGoesToTheTeamWithoutCreator: a meetup without a creator alerts every user of its team.
func TestFeedbackAlertGoesToTheTeamWithoutCreator(t *testing.T) {
	f := newFeedbackFix(t, 1)
	newUser(t, f.store, f.team.ID, "second@example.com")
	other := newTeam(t, f.store, "Other team")
	newUser(t, f.store, other.ID, "outsider@example.com")
	f.exec(t, `UPDATE meetups SET created_by = NULL WHERE id = $1`, f.meetup.ID)
	f.rsvp(t, 0, "yes", false)
	f.sendNow(t)
	f.answer(t, 0, models.FeedbackInput{Rating: "1"})
	wantMailed(t, "team alert", f.alerted(), "low_rating 1 organiser@example.com second@example.com")
}

// TestFeedbackFlagAlertsOnce: a flag mails the comment once; flagging again does not; an answer
// already alerted for its low rating is flagged without a second mail; no answer is not found.
func TestFeedbackFlagAlertsOnce(t *testing.T) {
	f := newFeedbackFix(t, 3)
	for i := range 3 {
		f.rsvp(t, i, "yes", false)
	}
	f.sendNow(t)
	f.answer(t, 0, models.FeedbackInput{Rating: "4", Improve: "The room was cold"})
	f.answer(t, 1, models.FeedbackInput{Rating: "1"})
	f.alerted()
	for range 2 {
		fb, err := f.store.FlagFeedback(f.ctx, f.team.ID, f.user.ID, f.meetup.ID, f.people[0], f.alert)
		if err != nil || fb.FlaggedAt == nil || fb.Improve != "The room was cold" {
			t.Fatalf("flag: %+v %v", fb, err)
		}
	}
	wantMailed(t, "two flags", f.alerted(), "flagged 4 organiser@example.com")
	if _, err := f.store.FlagFeedback(f.ctx, f.team.ID, f.user.ID, f.meetup.ID, f.people[1], f.alert); err != nil {
		t.Fatal(err)
	}
	wantMailed(t, "flag after a low-rating alert", f.alerted())
	_, err := f.store.FlagFeedback(f.ctx, f.team.ID, f.user.ID, f.meetup.ID, f.people[2], f.alert)
	wantErr(t, "no answer", err, models.ErrNotFound)
	other := newTeam(t, f.store, "Other team")
	_, err = f.store.FlagFeedback(f.ctx, other.ID, "", f.meetup.ID, f.people[0], f.alert)
	wantErr(t, "another team", err, models.ErrNotFound)
}

// TestFeedbackBadInputStoresNothing: each bad answer names its field and changes nothing.
func TestFeedbackBadInputStoresNothing(t *testing.T) {
	f := newFeedbackFix(t, 1)
	f.rsvp(t, 0, "yes", false)
	f.sendNow(t)
	long := strings.Repeat("x", 2001)
	cases := []struct {
		in    models.FeedbackInput
		field string
		key   string
	}{
		{models.FeedbackInput{}, "rating", "required"},
		{models.FeedbackInput{Rating: "0"}, "rating", "out_of_range"},
		{models.FeedbackInput{Rating: "6"}, "rating", "out_of_range"},
		{models.FeedbackInput{Rating: "five"}, "rating", "not_a_number"},
		{models.FeedbackInput{Rating: "3", NPS: "11"}, "nps", "out_of_range"},
		{models.FeedbackInput{Rating: "3", NPS: "-1"}, "nps", "out_of_range"},
		{models.FeedbackInput{Rating: "3", Impact: "0"}, "impact", "out_of_range"},
		{models.FeedbackInput{Rating: "3", Useful: long}, "useful", "max_chars:2000"},
		{models.FeedbackInput{Rating: "3", Improve: "a\x00b"}, "improve", "control_char"},
		{models.FeedbackInput{Rating: "3", NextTopics: "a,b,c,d,e,f,g,h,i,j,k"}, "next_topics", "too_many"},
		{models.FeedbackInput{Rating: "3", NextTopics: strings.Repeat("y", 201)}, "next_topics", "too_long"},
	}
	for _, c := range cases {
		_, err := f.store.SaveFeedback(f.ctx, f.meetup.ID, f.people[0], c.in, f.alert)
		if got := fields(t, c.field, err)[c.field]; got != c.key {
			t.Errorf("%+v: %s is %q, want %q", c.in, c.field, got, c.key)
		}
	}
	if n := count(t, f.store, `SELECT (SELECT count(*) FROM feedback) + (SELECT count(*) FROM topic_ideas)`); n != 0 {
		t.Fatalf("bad input stored %d rows", n)
	}
}

// TestFeedbackTopicsGoToTheBacklog: suggested topics, split on lines, commas and semicolons, land
// in the team's backlog as feedback ideas, once each.
func TestFeedbackTopicsGoToTheBacklog(t *testing.T) {
	f := newFeedbackFix(t, 1)
	f.rsvp(t, 0, "yes", false)
	f.sendNow(t)
	f.answer(t, 0, models.FeedbackInput{Rating: "5", NextTopics: "Fuzzing in CI\r\nprofiling Go;  eBPF ,fuzzing in ci"})
	f.answer(t, 0, models.FeedbackInput{Rating: "5", NextTopics: "eBPF"})
	ideas, err := f.store.ListTopicIdeas(f.ctx, f.team.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, i := range ideas {
		if i.Source != models.IdeaFromFeedback || i.MeetupID == nil || *i.MeetupID != f.meetup.ID {
			t.Fatalf("idea %+v", i)
		}
		got = append(got, i.Title)
	}
	wantMailed(t, "backlog", got, "Fuzzing in CI", "profiling Go", "eBPF")
}

// TestFeedbackClosedFormRefuses: after the form closes an answer is refused and nothing changes.
func TestFeedbackClosedFormRefuses(t *testing.T) {
	f := newFeedbackFix(t, 1)
	f.rsvp(t, 0, "yes", false)
	_, err := f.store.SaveFeedback(f.ctx, f.meetup.ID, f.people[0], models.FeedbackInput{Rating: "3"}, f.alert)
	wantErr(t, "before the form went out", err, models.ErrFeedbackClosed)
	f.sendNow(t)
	f.answer(t, 0, models.FeedbackInput{Rating: "3"})
	f.exec(t, `UPDATE meetups SET feedback_closes_at = now() - interval '1 second' WHERE id = $1`, f.meetup.ID)
	_, err = f.store.SaveFeedback(f.ctx, f.meetup.ID, f.people[0], models.FeedbackInput{Rating: "1"}, f.alert)
	wantErr(t, "after close", err, models.ErrFeedbackClosed)
	if n := count(t, f.store, `SELECT rating FROM feedback`); n != 3 || len(f.alerted()) != 0 {
		t.Fatalf("the closed form changed the answer to %d", n)
	}
}
