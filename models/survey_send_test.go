package models_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// TestSendReachesOnlyTheUnmailed sends to the audience, then again after one more joins.
func TestSendReachesOnlyTheUnmailed(t *testing.T) {
	f := newSurveyFix(t, 3)
	f.define(t, "Go", "Rust")
	if n, err := f.store.CountUnmailed(f.ctx, f.team.ID, f.meetup.ID); err != nil || n != 3 {
		t.Fatalf("unmailed = %d, %v; want 3", n, err)
	}
	n, err := f.store.SendSurvey(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, f.mail.send)
	if err != nil || n != 3 {
		t.Fatalf("send = %d, %v; want 3 (sales is not in the audience)", n, err)
	}
	for _, r := range f.mail.take() {
		if r.Kind != models.MailSurvey || r.Key != "survey:"+f.meetup.ID+":"+r.PersonID || !strings.HasPrefix(r.Email, "e") {
			t.Fatalf("recipient = %+v", r)
		}
		l, err := f.lk.Resolve(f.ctx, f.store.DB, r.Token, models.PurposeSurvey)
		if err != nil || *l.PersonID != r.PersonID || *l.MeetupID != f.meetup.ID {
			t.Fatalf("link of %s resolves to %+v, %v", r.Email, l, err)
		}
		spec := models.LinkSpec{TeamID: f.team.ID, Purpose: models.PurposeSurvey, PersonID: &r.PersonID, MeetupID: &f.meetup.ID}
		if same, err := f.lk.Ensure(f.ctx, f.store.DB, spec); err != nil || same != r.Token {
			t.Fatalf("Ensure gives another token than the send: %v", err)
		}
	}
	if n, _ := f.store.SendSurvey(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, f.mail.send); n != 0 {
		t.Fatalf("sending again mailed %d", n)
	}
	f.addPerson(t, "NEW@example.com", "Engineering")
	n, _ = f.store.SendSurvey(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, f.mail.send)
	if got := f.mail.take(); n != 1 || got[0].Email != "NEW@example.com" {
		t.Fatalf("send after a newcomer = %d %+v", n, got)
	}
	if r := f.results(t); r.Invited != 4 {
		t.Fatalf("invited = %d", r.Invited)
	}
}

// TestRemindersAtMostTwoOnlyToNonAnswerers reminds three times; answerers and the gap are respected.
func TestRemindersAtMostTwoOnlyToNonAnswerers(t *testing.T) {
	f := newSurveyFix(t, 3)
	f.define(t, "Go")
	if _, err := f.store.SendSurvey(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, f.mail.send); err != nil {
		t.Fatal(err)
	}
	f.mail.take()
	remind := func(gap time.Duration) int {
		t.Helper()
		n, err := f.store.RemindSurvey(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, gap, f.mail.send)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := remind(time.Hour); n != 0 {
		t.Fatalf("reminded %d within the gap after sending", n)
	}
	f.answer(t, "e0@example.com", models.SurveyAnswer{Topics: []string{"Go"}})
	if c, _ := f.store.CountRemindable(f.ctx, f.team.ID, f.meetup.ID, 0); c != 2 {
		t.Fatalf("remindable = %d, want 2", c)
	}
	if n := remind(0); n != 2 {
		t.Fatalf("first reminder reached %d, want 2", n)
	}
	f.answer(t, "e1@example.com", models.SurveyAnswer{Topics: []string{"Go"}})
	if n := remind(0); n != 1 {
		t.Fatalf("second reminder reached %d, want 1 (e2)", n)
	}
	if n := remind(0); n != 0 {
		t.Fatalf("third reminder reached %d, want 0", n)
	}
	keys := map[string]bool{}
	for _, r := range f.mail.take() {
		if r.Email == "e0@example.com" || r.Kind != models.MailSurveyReminder {
			t.Fatalf("reminded %+v", r)
		}
		keys[r.Key] = true
	}
	e2 := f.personID(t, "e2@example.com")
	if !keys["survey-reminder:"+f.meetup.ID+":"+e2+":2"] || len(keys) != 3 {
		t.Fatalf("reminder keys = %v", keys)
	}
}

// TestSendNeedsAnOpenSurveyAndAnAudience checks the refusals of sending.
func TestSendNeedsAnOpenSurveyAndAnAudience(t *testing.T) {
	f := newSurveyFix(t, 1)
	if _, err := f.store.SendSurvey(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, f.mail.send); !errors.Is(err, models.ErrNotFound) {
		t.Fatalf("send without a survey: %v", err)
	}
	f.define(t, "Go")
	f.exec(t, `UPDATE meetups SET audience_id = NULL`)
	_, err := f.store.SendSurvey(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, f.mail.send)
	var ve *models.ValidationError
	if !errors.As(err, &ve) || ve.Fields["audience_id"] != "no_audience" {
		t.Fatalf("send without an audience: %v", err)
	}
	if _, err := f.store.CloseSurvey(f.ctx, f.team.ID, "", f.meetup.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.SendSurvey(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, f.mail.send); !errors.Is(err, models.ErrSurveyClosed) {
		t.Fatalf("send after close: %v", err)
	}
	if _, err := f.store.RemindSurvey(f.ctx, f.lk, f.team.ID, "", f.meetup.ID, 0, f.mail.send); !errors.Is(err, models.ErrSurveyClosed) {
		t.Fatalf("remind after close: %v", err)
	}
}
