package mailer_test

import (
	"testing"
	"time"

	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

func TestExpiredReminderIsNeverSent(t *testing.T) {
	r := newRig(t)
	ids := r.enqueue(3)
	past := time.Now().Add(-time.Second)
	late := models.OutboxMessage{TeamID: r.team.ID, Kind: "reminder", IdempotencyKey: "reminder:late",
		ToEmail: "late@example.com", From: "convene@convene.test", Subject: "Starts in 1 hour", Text: "Soon", ExpiresAt: &past}
	var lateID string
	err := r.store.InTx(r.ctx, func(tx *sqlx.Tx) (err error) {
		lateID, _, err = models.Enqueue(r.ctx, tx, late)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	r.start(r.store, r.smtp.URL(), fast())
	r.waitSettled(20 * time.Second)
	if st := r.row(lateID).Status; st != models.OutboxExpired {
		t.Fatalf("late reminder is %s, want expired", st)
	}
	r.wantEachOnce(ids)
}

func TestWithoutSMTPMailIsHeld(t *testing.T) {
	r := newRig(t)
	ids := r.enqueue(5)
	r.start(r.store, "", fast())
	r.waitFor("held", 20*time.Second, func() bool { return r.counts()[models.OutboxHeld] == 5 })
	if row := r.row(ids[0]); row.LastError != "not sent: no SMTP configured" {
		t.Fatalf("held with %q", row.LastError)
	}
	if r.smtp.Count() != 0 {
		t.Fatal("mail sent without SMTP")
	}
}
