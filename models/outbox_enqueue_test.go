package models_test

import (
	"errors"
	"regexp"
	"testing"
	"time"

	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

func TestEnqueueSameKeyTwiceIsOneRow(t *testing.T) {
	f := newOutboxFixture(t)
	var first, second string
	var created1, created2 bool
	err := f.s.InTx(f.ctx, func(tx *sqlx.Tx) (err error) {
		first, created1, err = models.Enqueue(f.ctx, tx, f.msg("same"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	err = f.s.InTx(f.ctx, func(tx *sqlx.Tx) (err error) {
		second, created2, err = models.Enqueue(f.ctx, tx, f.msg("same"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !created1 || created2 || first != second {
		t.Fatalf("created %v then %v, ids %s and %s: want one row, the second call finding it", created1, created2, first, second)
	}
	rows, _, err := f.s.ListOutbox(f.ctx, f.team.ID, models.OutboxFilter{}, models.Page{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("%d rows (%v), want 1", len(rows), err)
	}
}

func TestEnqueueRolledBackLeavesNothing(t *testing.T) {
	f := newOutboxFixture(t)
	boom := errors.New("the change failed")
	err := f.s.InTx(f.ctx, func(tx *sqlx.Tx) error {
		if _, _, err := models.Enqueue(f.ctx, tx, f.msg("rolled-back")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("InTx: %v", err)
	}
	counts, err := f.s.OutboxCounts(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for st, n := range counts {
		if n != 0 {
			t.Fatalf("%d %s rows after a rollback", n, st)
		}
	}
}

func TestEnqueueStoresMessageIDFromRow(t *testing.T) {
	f := newOutboxFixture(t)
	id := f.enqueue(t, f.msg("mid"))
	r := f.row(t, id)
	if r.MessageID != "<"+id+"@convene.example.org>" {
		t.Fatalf("Message-ID %q, want <%s@convene.example.org>", r.MessageID, id)
	}
	m := f.msg("mid2")
	m.MessageIDHost = ""
	r = f.row(t, f.enqueue(t, m))
	if !regexp.MustCompile(`^<[0-9a-f-]{36}@example\.org>$`).MatchString(r.MessageID) {
		t.Fatalf("Message-ID %q: want the From domain when no host is given", r.MessageID)
	}
	if r.Status != models.OutboxQueued || r.SendBy.Sub(r.CreatedAt) != models.DefaultSendWithin {
		t.Fatalf("status %q, send-by %v after creation", r.Status, r.SendBy.Sub(r.CreatedAt))
	}
}

func TestEnqueueRefusesBadMessages(t *testing.T) {
	f := newOutboxFixture(t)
	bad := f.msg("bad")
	bad.ToEmail, bad.From, bad.Subject, bad.ICS = "Ann <a@b.c>", "nobody", "", "BEGIN:VCALENDAR"
	bad.ReplyTo = "Ann <a@b.c>\r\nBcc: all@corp.example"
	err := f.s.InTx(f.ctx, func(tx *sqlx.Tx) error {
		_, _, err := models.Enqueue(f.ctx, tx, bad)
		return err
	})
	var ve *models.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err %v, want a validation error", err)
	}
	for _, field := range []string{"to_email", "from", "subject", "ics_method", "reply_to"} {
		if ve.Fields[field] == "" {
			t.Errorf("no error for %s in %v", field, ve.Fields)
		}
	}
}

func TestEnqueueBatchSkipsKnownKeys(t *testing.T) {
	f := newOutboxFixture(t)
	f.enqueue(t, f.msg("b1"))
	at := time.Now().Add(time.Hour)
	later := f.msg("b3")
	later.SendAt = &at
	var n int
	err := f.s.InTx(f.ctx, func(tx *sqlx.Tx) (err error) {
		n, err = models.EnqueueBatch(f.ctx, tx, []models.OutboxMessage{f.msg("b1"), f.msg("b2"), later, f.msg("b2")})
		return err
	})
	if err != nil || n != 2 {
		t.Fatalf("created %d (%v), want 2: b2 and b3", n, err)
	}
	if rows := f.claim(t, 10); len(rows) != 2 {
		t.Fatalf("claimed %d, want b1 and b2 (b3 is due in an hour)", len(rows))
	}
}
