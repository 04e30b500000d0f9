package models_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// slotStarts reads the meetup's slot starts in order, as offsets from base.
func (f *fixture) slotStarts(t *testing.T, base time.Time) []time.Duration {
	t.Helper()
	slots, err := f.store.ListSlots(context.Background(), f.team, f.meetup.ID)
	if err != nil {
		t.Fatal(err)
	}
	out := []time.Duration{}
	for _, s := range slots {
		if s.EndsAt.Sub(s.StartsAt) != 30*time.Minute {
			t.Errorf("slot %v–%v changed its length", s.StartsAt, s.EndsAt)
		}
		out = append(out, s.StartsAt.Sub(base))
	}
	return out
}

// TestRescheduleShiftsSlotsBackToBack: three back-to-back 30-minute slots of the lineup move with
// the meetup's start, later and earlier, without one landing on another on the way (the slots are
// unique per time); an unchosen slot far ahead stays where it is; a new end alone moves nothing.
// The confirmed speaker is handed to the broadcaster with their slot as it was and their event's
// SEQUENCE raised, beside the two still asked.
func TestRescheduleShiftsSlotsBackToBack(t *testing.T) {
	f := newFixture(t, 0, 10, nil)
	ctx := context.Background()
	base := *f.meetup.StartsAt
	for i := 0; i < 3; i++ {
		at := base.Add(time.Duration(i) * 30 * time.Minute).Format(time.RFC3339)
		if _, err := f.store.AddSlot(ctx, f.team, f.meetup.ID, models.SlotInput{StartsAt: at, EndsAt: base.Add(time.Duration(i+1) * 30 * time.Minute).Format(time.RFC3339)}); err != nil {
			t.Fatal(err)
		}
	}
	far := base.Add(72 * time.Hour)
	if _, err := f.store.AddSlot(ctx, f.team, f.meetup.ID, models.SlotInput{StartsAt: far.Format(time.RFC3339), EndsAt: far.Add(30 * time.Minute).Format(time.RFC3339)}); err != nil {
		t.Fatal(err)
	}
	var cand string
	f.store.DB.MustExec(`INSERT INTO speakers (team_id, name, email, source) VALUES ($1, 'Ada', 'ada@example.com', 'other'),
		($1, 'Bea', 'bea@example.com', 'other'), ($1, 'Cy', 'cy@example.com', 'other')`, f.team)
	if err := f.store.DB.Get(&cand, `INSERT INTO candidates (team_id, meetup_id, speaker_id, status, ical_sequence, lineup_slot_id)
		SELECT $1, $2, s.id, 'confirmed', 1, (SELECT id FROM speaker_slots WHERE meetup_id = $2 ORDER BY starts_at LIMIT 1)
		FROM speakers s WHERE s.email = 'ada@example.com' RETURNING id`, f.team, f.meetup.ID); err != nil {
		t.Fatal(err)
	}
	f.store.DB.MustExec(`INSERT INTO slot_holds (slot_id, candidate_id) SELECT lineup_slot_id, id FROM candidates WHERE id = $1`, cand)
	f.store.DB.MustExec(`INSERT INTO candidates (team_id, meetup_id, speaker_id, status, lineup_slot_id)
		SELECT $1, $2, s.id, 'invited', (SELECT id FROM speaker_slots WHERE meetup_id = $2 ORDER BY starts_at OFFSET n LIMIT 1)
		FROM speakers s JOIN (VALUES ('bea@example.com', 1), ('cy@example.com', 2)) v(email, n) ON v.email = s.email`, f.team, f.meetup.ID)
	var told []models.SlotMove
	tell := func(_ context.Context, _ *sqlx.Tx, ch models.MeetupChange) error {
		told = append(told, ch.Speakers...)
		return nil
	}
	move := func(start, end string) {
		t.Helper()
		e := models.MeetupEdit{}
		if start != "" {
			e.StartsAt = &start
		}
		if end != "" {
			e.EndsAt = &end
		}
		if _, err := f.store.EditMeetup(ctx, f.team, "", f.meetup.ID, e, models.RecordEvent, tell); err != nil {
			t.Fatal(err)
		}
	}
	half := 30 * time.Minute
	move(base.Add(half).Format(time.RFC3339), "")
	stay := 72 * time.Hour
	if got := f.slotStarts(t, base); len(got) != 4 || got[0] != half || got[1] != 2*half || got[2] != 3*half || got[3] != stay {
		t.Fatalf("after moving 30 minutes later: %v", got)
	}
	ada := slices.IndexFunc(told, func(m models.SlotMove) bool { return m.Notice.Candidate.ID == cand })
	if len(told) != 3 || ada < 0 || told[ada].Notice.Candidate.ICalSequence != 2 ||
		!told[ada].WasStart.Equal(base) || !told[ada].Notice.Slot.StartsAt.Equal(base.Add(half)) {
		t.Fatalf("the broadcaster was told %+v", told)
	}
	move("", base.Add(4*half).Format(time.RFC3339))
	if got := f.slotStarts(t, base); got[0] != half || len(told) != 3 {
		t.Fatalf("a new end alone: slots %v, told %d", got, len(told))
	}
	move(base.Add(-half).Format(time.RFC3339), "")
	if got := f.slotStarts(t, base); len(got) != 4 || got[0] != -half || got[1] != 0 || got[2] != half || got[3] != stay {
		t.Fatalf("after moving an hour earlier: %v", got)
	}
}
