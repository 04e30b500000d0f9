package models_test

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// race runs fn in n goroutines released at the same moment and waits for them.
func race(n int, fn func()) {
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	ready.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			fn()
		}()
	}
	ready.Wait()
	close(start)
	done.Wait()
}

// TestScheduledCloseFiresOnce races eight "replicas" over a due survey: exactly one closes it.
func TestScheduledCloseFiresOnce(t *testing.T) {
	f := newSurveyFix(t, 1)
	f.define(t, "Go")
	f.exec(t, `UPDATE surveys SET closes_at = now() - interval '1 second'`)
	err := f.store.SaveAnswer(f.ctx, f.meetup.ID, f.personID(t, "e0@example.com"), models.SurveyAnswer{Topics: []string{"Go"}})
	if !errors.Is(err, models.ErrSurveyClosed) {
		t.Fatalf("answer past closes_at, before the loop ran: %v", err)
	}
	var closed, failed atomic.Int32
	race(8, func() {
		ids, err := f.store.CloseDueSurveys(f.ctx)
		if err != nil {
			failed.Add(1)
		}
		closed.Add(int32(len(ids)))
	})
	if closed.Load() != 1 || failed.Load() != 0 {
		t.Fatalf("closed %d times (%d errors), want exactly once", closed.Load(), failed.Load())
	}
	sv, _ := f.store.GetSurvey(f.ctx, f.team.ID, f.meetup.ID)
	if sv.Open || sv.ClosedAt == nil || sv.ClosedBy != "schedule" {
		t.Fatalf("survey after the close: %+v", sv)
	}
	if ids, _ := f.store.CloseDueSurveys(f.ctx); len(ids) != 0 {
		t.Fatalf("closed again: %v", ids)
	}
}

// TestManualCloseOnceAndLateAnswers races two organisers closing; late answers are refused.
func TestManualCloseOnceAndLateAnswers(t *testing.T) {
	f := newSurveyFix(t, 1)
	f.define(t, "Go")
	f.answer(t, "e0@example.com", models.SurveyAnswer{Topics: []string{"Go"}})
	var closed atomic.Int32
	race(2, func() {
		if ok, err := f.store.CloseSurvey(f.ctx, f.team.ID, "", f.meetup.ID); err == nil && ok {
			closed.Add(1)
		}
	})
	if closed.Load() != 1 {
		t.Fatalf("closed by %d callers, want 1", closed.Load())
	}
	err := f.store.SaveAnswer(f.ctx, f.meetup.ID, f.personID(t, "e0@example.com"), models.SurveyAnswer{Topics: []string{}, Problems: "late"})
	if !errors.Is(err, models.ErrSurveyClosed) {
		t.Fatalf("late answer: %v", err)
	}
	if a, _ := f.store.GetAnswer(f.ctx, f.meetup.ID, f.personID(t, "e0@example.com")); a.Problems != "" || len(a.Topics) != 1 {
		t.Fatalf("the late answer changed the stored one: %+v", a)
	}
	in := models.SurveyInput{Question: "Q", Topics: []string{"Go"}, ClosesAt: time.Now().Add(time.Hour).Format(time.RFC3339)}
	if _, err := f.store.DefineSurvey(f.ctx, f.team.ID, "", f.meetup.ID, in); !errors.Is(err, models.ErrSurveyClosed) {
		t.Fatalf("redefining a closed survey: %v", err)
	}
	if _, err := f.store.CloseSurvey(f.ctx, "00000000-0000-0000-0000-000000000000", "", f.meetup.ID); !errors.Is(err, models.ErrNotFound) {
		t.Fatalf("another team closed it: %v", err)
	}
}
