package models_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/convene/convene/models"
	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
)

// mailingNotifier enqueues a small mail per event, as the mail layer does, and refuses the
// events of one person after enqueueing theirs: a refusal that comes after a buffered notice.
func mailingNotifier(f *fixture, refused string) models.Notifier {
	return func(ctx context.Context, tx *sqlx.Tx, ev models.RSVPEvent) error {
		m := models.OutboxMessage{TeamID: f.team, MeetupID: ev.MeetupID, PersonID: ev.PersonID, Kind: ev.Kind,
			Lang: "en", IdempotencyKey: ev.Key, ToEmail: "p@example.com", From: "Convene <c@example.com>",
			Subject: "You are on the waitlist", Text: "Hello"}
		if err := f.store.RecordNotice(ctx, tx, ev, m); err != nil {
			return err
		}
		if ev.PersonID == refused {
			return errors.New("refused after its notice")
		}
		return nil
	}
}

// TestBatchedAnswersRefusedOnesLeaveNoTrace: answers that arrive together are taken in batches;
// one refused (an unknown person, a notice that fails after it was buffered) changes nothing,
// the others are recorded and each waitlisted one mailed once.
func TestBatchedAnswersRefusedOnesLeaveNoTrace(t *testing.T) {
	f := newFixture(t, 60, 10, nil)
	f.invite(t)
	for _, p := range f.people[:10] { // the seats go first: everyone after waits
		f.answer(t, p, models.RSVPYes, models.ModeInPerson)
	}
	victim := f.people[59]
	notify := mailingNotifier(f, victim)
	var wg sync.WaitGroup
	errs := make([]error, 70)
	start := make(chan struct{})
	for i := range errs {
		a := f.ans(uuid.NewString(), models.RSVPYes, models.ModeInPerson) // unknown person
		if i < 10 {
			continue
		}
		if i < 60 {
			a = f.ans(f.people[i], models.RSVPYes, models.ModeInPerson)
		}
		wg.Go(func() {
			<-start
			_, errs[i] = f.store.Answer(context.Background(), a, notify)
		})
	}
	close(start)
	wg.Wait()
	victimWaitlisted := false
	for i, err := range errs {
		switch {
		case i >= 60 && !errors.Is(err, models.ErrNotFound):
			t.Errorf("unknown person %d: %v, want not found", i, err)
		case i == 59:
			victimWaitlisted = err != nil // refused only if they were waitlisted (their notice failed)
		case i < 59 && err != nil:
			t.Errorf("answer %d: %v", i, err)
		}
	}
	if _, fallbacks := f.store.AnswerBatches(); fallbacks != 0 {
		t.Fatalf("%d batches failed as a whole: refusals should be rolled back alone", fallbacks)
	}
	st := f.statuses(t)
	c := countStates(st)
	if victimWaitlisted && st[victim] != models.RSVPInvited {
		t.Errorf("refused answer left status %q", st[victim])
	}
	if !victimWaitlisted {
		t.Fatal("the last of 60 yes on 10 seats was not waitlisted")
	}
	if c[models.RSVPYes] != 10 || c[models.RSVPWaitlisted] != 49 || c[models.RSVPInvited] != 1 {
		t.Fatalf("counts %s", fmtCounts(c))
	}
	var mails, events int
	if err := f.store.DB.Get(&mails, `SELECT count(*) FROM outbox WHERE meetup_id = $1`, f.meetup.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.store.DB.Get(&events, `SELECT count(*) FROM rsvp_events WHERE meetup_id = $1`, f.meetup.ID); err != nil {
		t.Fatal(err)
	}
	if mails != c[models.RSVPWaitlisted] || events != mails {
		t.Fatalf("%d mails and %d events for %d waitlisted", mails, events, c[models.RSVPWaitlisted])
	}
	f.checkInvariants(t)
}

// invite gives everyone of the fixture an RSVP row, as an invitation send does.
func (f *fixture) invite(t *testing.T) {
	t.Helper()
	if _, err := f.store.DB.Exec(`INSERT INTO rsvps (meetup_id, person_id, team_id, invited_at)
		SELECT $1, id, team_id, now() FROM people WHERE team_id = $2`, f.meetup.ID, f.team); err != nil {
		t.Fatal(err)
	}
}

// TestInvitedYesRunsAreExact: 500 invited people answer at once on 50 seats, most yes, every
// tenth no and every seventh maybe, so batches take runs of first answers together: 50 seated,
// the other yes waitlisted at the distinct positions each was told, each told once.
func TestInvitedYesRunsAreExact(t *testing.T) {
	f := newFixture(t, 500, 50, nil)
	f.invite(t)
	results := make([]models.AnswerResult, len(f.people))
	errs := make([]error, len(f.people))
	var wg sync.WaitGroup
	start := make(chan struct{})
	want := map[string]int{}
	for i, p := range f.people {
		status := models.RSVPYes
		switch {
		case i%10 == 0:
			status = models.RSVPNo
		case i%7 == 0:
			status = models.RSVPMaybe
		}
		want[status]++
		wg.Go(func() {
			<-start
			results[i], errs[i] = f.store.Answer(context.Background(), f.ans(p, status, models.ModeInPerson), models.RecordEvent)
		})
	}
	waiting := want[models.RSVPYes] - 50
	close(start)
	wg.Wait()
	told := map[int]bool{}
	for i, r := range results {
		if errs[i] != nil {
			t.Fatalf("answer %d: %v", i, errs[i])
		}
		if r.RSVP.Status == models.RSVPWaitlisted {
			pos, err := f.store.WaitlistPosition(context.Background(), r.RSVP)
			if err != nil || pos != r.Position || told[pos] {
				t.Fatalf("told position %d, stored %d (%v), or told twice", r.Position, pos, err)
			}
			told[pos] = true
		}
		if r.Seats.Capacity != 50 || r.Seats.Taken < 0 || r.Seats.Taken > 50 || (r.RSVP.Status == models.RSVPYes && r.Seats.Taken < 1) {
			t.Fatalf("seats told %+v", r.Seats)
		}
	}
	if batches, fallbacks := f.store.AnswerBatches(); batches == 0 || fallbacks != 0 {
		t.Fatalf("%d batches, %d of them failed as a whole", batches, fallbacks)
	}
	c := countStates(f.statuses(t))
	ev := f.events(t)
	if c[models.RSVPYes] != 50 || c[models.RSVPWaitlisted] != waiting || len(told) != waiting || len(ev[models.EventWaitlisted]) != waiting ||
		c[models.RSVPNo] != want[models.RSVPNo] || c[models.RSVPMaybe] != want[models.RSVPMaybe] {
		t.Fatalf("counts %s, %d positions told, %d waitlisted events", fmtCounts(c), len(told), len(ev[models.EventWaitlisted]))
	}
	f.checkInvariants(t)
}

// TestLeaversAndClaimersInOneRun: while 50 newcomers say yes on a full meetup, 60 of those waiting
// leave (no, maybe): every newcomer waits, told the place they had when they answered — no lower
// than where they are once all have left, and at most the 60 leavers higher — at distinct places
// now, and the bookkeeping holds.
func TestLeaversAndClaimersInOneRun(t *testing.T) {
	f := newFixture(t, 250, 20, nil)
	f.invite(t)
	first, newcomers := f.people[:200], f.people[200:]
	for _, p := range first {
		f.answer(t, p, models.RSVPYes, models.ModeInPerson)
	}
	waiting := f.waitlist(t, models.ModeInPerson)
	answers := make([]models.Answer, 0, 110)
	for i, p := range waiting[:60] {
		answers = append(answers, f.ans(p, []string{models.RSVPNo, models.RSVPMaybe}[i%2], models.ModeInPerson))
	}
	for _, p := range newcomers {
		answers = append(answers, f.ans(p, models.RSVPYes, models.ModeInPerson))
	}
	results, errs := make([]models.AnswerResult, len(answers)), make([]error, len(answers))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, a := range answers {
		wg.Go(func() {
			<-start
			results[i], errs[i] = f.store.Answer(context.Background(), a, models.RecordEvent)
		})
	}
	close(start)
	wg.Wait()
	now := map[int]bool{}
	for i, r := range results[60:] {
		if errs[60+i] != nil || r.RSVP.Status != models.RSVPWaitlisted {
			t.Fatalf("newcomer %d: %v, %s", i, errs[60+i], r.RSVP.Status)
		}
		pos, err := f.store.WaitlistPosition(context.Background(), r.RSVP)
		if err != nil || now[pos] || r.Position < pos || r.Position > pos+60 {
			t.Fatalf("newcomer %d told place %d, now %d (%v), or two at one place", i, r.Position, pos, err)
		}
		now[pos] = true
	}
	c := countStates(f.statuses(t))
	if c[models.RSVPYes] != 20 || c[models.RSVPWaitlisted] != 180-60+50 || c[models.RSVPNo]+c[models.RSVPMaybe] != 60 {
		t.Fatalf("counts %s", fmtCounts(c))
	}
	if _, fallbacks := f.store.AnswerBatches(); fallbacks != 0 {
		t.Fatalf("%d batches failed as a whole", fallbacks)
	}
	f.checkInvariants(t)
}
