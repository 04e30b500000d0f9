package models_test

import (
	"context"
	"errors"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

func TestListOutboxFiltersAndPages(t *testing.T) {
	f := newOutboxFixture(t)
	mt, err := f.s.CreateMeetup(f.ctx, f.team.ID, "", models.NewMeetup{Title: "Go talk"})
	if err != nil {
		t.Fatal(err)
	}
	ids := f.enqueueN(t, 5)
	m := f.msg("for-meetup")
	m.MeetupID = mt.ID
	meetupMail := f.enqueue(t, m)
	foreign := f.msg("foreign")
	foreign.TeamID = f.other.ID
	f.enqueue(t, foreign)
	c := f.claim(t, 1)[0].Claim()
	if err := f.s.MarkFailed(f.ctx, c, "550 no"); err != nil {
		t.Fatal(err)
	}

	all := f.list(t, models.OutboxFilter{}, 100)
	if len(all) != 6 {
		t.Fatalf("%d rows, want the team's 6", len(all))
	}
	if got := f.list(t, models.OutboxFilter{MeetupID: mt.ID}, 100); len(got) != 1 || got[0].ID != meetupMail {
		t.Fatalf("by meetup: %+v", got)
	}
	if got := f.list(t, models.OutboxFilter{Status: models.OutboxFailed}, 100); len(got) != 1 || got[0].LastError != "550 no" {
		t.Fatalf("failed: %+v", got)
	}
	if got := f.list(t, models.OutboxFilter{}, 2); len(got) != 6 || len(ids) != 5 {
		t.Fatalf("paging by 2 gave %d rows", len(got))
	}
}

// list reads every page of the filter, limit rows at a time.
func (f *outboxFixture) list(t *testing.T, flt models.OutboxFilter, limit int) []models.OutboxRow {
	t.Helper()
	var out []models.OutboxRow
	p := models.Page{Limit: limit}
	for {
		rows, next, err := f.s.ListOutbox(f.ctx, f.team.ID, flt, p)
		if err != nil {
			t.Fatalf("list: %v", err)
		}
		out = append(out, rows...)
		if next == "" {
			return out
		}
		p.Cursor = next
	}
}

func TestListOutboxRefusesUnknownStatus(t *testing.T) {
	f := newOutboxFixture(t)
	_, _, err := f.s.ListOutbox(f.ctx, f.team.ID, models.OutboxFilter{Status: "lost"}, models.Page{})
	var ve *models.ValidationError
	if !errors.As(err, &ve) || ve.Fields["status"] == "" {
		t.Fatalf("err %v, want a field error on status", err)
	}
}

func TestRetryOutboxIsTeamScopedAndAudited(t *testing.T) {
	f := newOutboxFixture(t)
	id := f.enqueueN(t, 1)[0]
	if _, err := f.s.RetryOutbox(f.ctx, f.team.ID, "", id); !errors.Is(err, models.ErrConflict) {
		t.Fatalf("retry of a queued row: %v, want a conflict", err)
	}
	if err := f.s.MarkFailed(f.ctx, f.claim(t, 1)[0].Claim(), "550 no"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.RetryOutbox(f.ctx, f.other.ID, "", id); !errors.Is(err, models.ErrNotFound) {
		t.Fatalf("retry by another team: %v, want not found", err)
	}
	if _, err := f.s.GetOutbox(f.ctx, f.other.ID, id); !errors.Is(err, models.ErrNotFound) {
		t.Fatalf("get by another team: %v, want not found", err)
	}
	r, err := f.s.RetryOutbox(f.ctx, f.team.ID, "", id)
	if err != nil || r.Status != models.OutboxQueued {
		t.Fatalf("retry: %+v %v", r, err)
	}
	if rows := f.claim(t, 1); len(rows) != 1 || rows[0].Attempts != 2 {
		t.Fatalf("after retry: %+v, want it claimable on its second attempt", rows)
	}
	audit, err := f.s.ListAudit(f.ctx, f.team.ID, 10)
	if err != nil || len(audit) != 1 || audit[0].Action != "outbox.retry" || audit[0].Target != id {
		t.Fatalf("audit: %+v %v", audit, err)
	}
}

func TestOutboxCountsByStatus(t *testing.T) {
	f := newOutboxFixture(t)
	f.enqueueN(t, 4)
	if err := f.s.MarkSent(f.ctx, f.claim(t, 1)[0].Claim()); err != nil {
		t.Fatal(err)
	}
	f.claim(t, 1)
	counts, err := f.s.OutboxCounts(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"queued": 2, "sending": 1, "sent": 1, "failed": 0, "held": 0, "expired": 0}
	for st, n := range want {
		if counts[st] != n {
			t.Fatalf("counts %v, want %v", counts, want)
		}
	}
}

func TestOutboxMigrationDownUndoesIt(t *testing.T) {
	t.Parallel()
	s := testutil.DB(t)
	ctx := context.Background()
	if err := s.MigrateDownTo(ctx, 1); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.DB.GetContext(ctx, &n, `SELECT (SELECT count(*) FROM pg_class WHERE relname LIKE 'outbox%') + (SELECT count(*) FROM pg_proc WHERE proname = 'outbox_notify')`); err != nil || n != 0 {
		t.Fatalf("%d outbox relations left after down (%v)", n, err)
	}
	if err := s.MigrateUp(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
}
