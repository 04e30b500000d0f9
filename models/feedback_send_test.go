package models_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// wantMailed fails unless got lists exactly want, in any order.
func wantMailed(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("%s: mailed %q, want %q", what, got, want)
	}
}

// TestFeedbackAutoSendOnceAcrossReplicas: two replicas (two stores, two goroutines each) drain the
// due work at the same moment; the form goes to each yes once, and then never again.
func TestFeedbackAutoSendOnceAcrossReplicas(t *testing.T) {
	f := newFeedbackFix(t, 4)
	f.rsvp(t, 0, "yes", false)
	f.rsvp(t, 1, "yes", false)
	f.rsvp(t, 2, "no", false)
	f.rsvp(t, 3, "maybe", false)
	other := testutil.Open(t, f.url, 8)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for i := range 4 {
		s := f.store
		if i%2 == 1 {
			s = other
		}
		wg.Go(func() {
			_, _, err := s.SendDueFeedback(f.ctx, f.lk, f.mail)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	wantMailed(t, "concurrent drains", f.took(), "feedback p0@example.com", "feedback p1@example.com")
	wantMailed(t, "a later pass", f.due(t))
	if n := count(t, f.store, `SELECT count(*) FROM meetups WHERE feedback_sent_at IS NOT NULL
		AND feedback_closes_at = feedback_sent_at + interval '14 days'`); n != 1 {
		t.Fatalf("the form's window is not set: %d", n)
	}
}

// TestFeedbackGoesToAttendeesWhenCheckedIn: with a check-in recorded, only those checked in
// (a walk-in too) get the form, not the yes who stayed away; speakers never do.
func TestFeedbackGoesToAttendeesWhenCheckedIn(t *testing.T) {
	f := newFeedbackFix(t, 5)
	f.rsvp(t, 0, "yes", true)
	f.rsvp(t, 1, "yes", false)
	f.rsvp(t, 2, "invited", true) // a walk-in
	f.exec(t, `UPDATE rsvps SET walk_in = true WHERE person_id = $1`, f.people[2])
	f.rsvp(t, 3, "yes", true)
	f.exec(t, `UPDATE rsvps SET role = 'speaker' WHERE person_id = $1`, f.people[3])
	wantMailed(t, "checked in", f.due(t), "feedback p0@example.com", "feedback p2@example.com")
}

// TestFeedbackWaitsForItsTime: not before the delay after the end, never for a cancelled
// meetup, and not by itself when it is days late.
func TestFeedbackWaitsForItsTime(t *testing.T) {
	f := newFeedbackFix(t, 1)
	f.rsvp(t, 0, "yes", false)
	f.exec(t, `UPDATE meetups SET starts_at = now() - interval '80 minutes', ends_at = now() - interval '20 minutes' WHERE id = $1`, f.meetup.ID)
	wantMailed(t, "20 minutes after the end", f.due(t))
	f.exec(t, `UPDATE meetups SET feedback_delay_minutes = 10 WHERE id = $1`, f.meetup.ID)
	f.exec(t, `UPDATE meetups SET stage = 'cancelled' WHERE id = $1`, f.meetup.ID)
	wantMailed(t, "cancelled", f.due(t))
	f.exec(t, `UPDATE meetups SET stage = 'scheduled', starts_at = now() - interval '5 days 1 hour', ends_at = now() - interval '5 days' WHERE id = $1`, f.meetup.ID)
	wantMailed(t, "five days late", f.due(t))
	f.exec(t, `UPDATE meetups SET starts_at = now() - interval '71 minutes', ends_at = now() - interval '11 minutes' WHERE id = $1`, f.meetup.ID)
	wantMailed(t, "past its delay", f.due(t), "feedback p0@example.com")
}

// TestFeedbackManualSendReachesOnlyNewPeople: a send by hand mails the form; a second one mails
// only those added since (here: check-ins recorded later), and a double click nobody.
func TestFeedbackManualSendReachesOnlyNewPeople(t *testing.T) {
	f := newFeedbackFix(t, 3)
	f.rsvp(t, 0, "yes", true)
	f.rsvp(t, 1, "yes", false)
	n, err := f.store.SendFeedback(f.ctx, f.lk, f.team.ID, f.user.ID, f.meetup.ID, f.mail)
	if err != nil || n != 1 {
		t.Fatalf("send: %d %v", n, err)
	}
	wantMailed(t, "first send", f.took(), "feedback p0@example.com")
	f.rsvp(t, 2, "invited", true)
	f.exec(t, `UPDATE rsvps SET checked_in_at = now() WHERE person_id = $1`, f.people[1])
	for i, want := range []int{2, 0} {
		if n, err := f.store.SendFeedback(f.ctx, f.lk, f.team.ID, f.user.ID, f.meetup.ID, f.mail); err != nil || n != want {
			t.Fatalf("send %d: %d %v, want %d", i+2, n, err, want)
		}
	}
	wantMailed(t, "sends again", f.took(), "feedback p1@example.com", "feedback p2@example.com")
	wantMailed(t, "the schedule after a send by hand", f.due(t))
}

// TestFeedbackManualSendRefusals: another team's meetup, a cancelled one, one not started and
// a closed form are refused and record nothing.
func TestFeedbackManualSendRefusals(t *testing.T) {
	f := newFeedbackFix(t, 1)
	f.rsvp(t, 0, "yes", false)
	other := newTeam(t, f.store, "Other team")
	send := func() error {
		_, err := f.store.SendFeedback(f.ctx, f.lk, f.team.ID, f.user.ID, f.meetup.ID, f.mail)
		return err
	}
	if _, err := f.store.SendFeedback(f.ctx, f.lk, other.ID, "", f.meetup.ID, f.mail); err == nil {
		t.Fatal("another team's meetup was sent")
	}
	cases := []struct {
		sql  string
		want error
	}{
		{`UPDATE meetups SET stage = 'cancelled' WHERE id = $1`, models.ErrFeedbackCancelled},
		{`UPDATE meetups SET stage = 'scheduled', starts_at = now() + interval '1 hour', ends_at = now() + interval '2 hours' WHERE id = $1`, models.ErrFeedbackNotStarted},
		{`UPDATE meetups SET starts_at = NULL, ends_at = NULL WHERE id = $1`, models.ErrFeedbackNotScheduled},
		{`UPDATE meetups SET starts_at = now() - interval '20 days 1 hour', ends_at = now() - interval '20 days',
			feedback_sent_at = now() - interval '15 days', feedback_closes_at = now() - interval '1 day' WHERE id = $1`, models.ErrFeedbackClosed},
	}
	for _, c := range cases {
		f.exec(t, c.sql, f.meetup.ID)
		wantErr(t, fmt.Sprint(c.want), send(), c.want)
	}
	if n := count(t, f.store, `SELECT count(*) FROM feedback_requests`); n != 0 || len(f.took()) != 0 {
		t.Fatalf("refused sends recorded %d requests", n)
	}
}

// TestFeedbackOneFailingMeetupHoldsUpNoOther: when one due meetup's send fails, the others
// still go out; the failed one stays due for the next pass and the error is reported.
func TestFeedbackOneFailingMeetupHoldsUpNoOther(t *testing.T) {
	f := newFeedbackFix(t, 2)
	f.rsvp(t, 0, "yes", false)
	second, err := f.store.CreateMeetup(f.ctx, f.team.ID, f.user.ID, models.NewMeetup{Title: "Later lunch", Timezone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	f.exec(t, `UPDATE meetups SET stage = 'scheduled', starts_at = now() - interval '90 minutes', ends_at = now() - interval '40 minutes' WHERE id = $1`, second.ID)
	f.exec(t, `INSERT INTO rsvps (meetup_id, person_id, team_id, status) VALUES ($1, $2, $3, 'yes')`, second.ID, f.people[1], f.team.ID)
	failFirst := func(ctx context.Context, tx sqlx.ExtContext, m models.Meetup, w models.FeedbackWindow, rs []models.FeedbackRecipient) error {
		if m.ID == f.meetup.ID {
			return errors.New("renderer broke")
		}
		return f.mail(ctx, tx, m, w, rs)
	}
	n, mailed, err := f.store.SendDueFeedback(f.ctx, f.lk, failFirst)
	if err == nil || !strings.Contains(err.Error(), "renderer broke") || n != 1 || mailed != 1 {
		t.Fatalf("with one failing meetup: %d %d %v", n, mailed, err)
	}
	wantMailed(t, "the other meetup", f.took(), "feedback p1@example.com")
	wantMailed(t, "the next pass", f.due(t), "feedback p0@example.com")
}
