package models_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// outboxFixture is a database with one team (and a second one) to enqueue mail for.
type outboxFixture struct {
	s     *models.Store
	team  models.Team
	other models.Team
	ctx   context.Context
}

func newOutboxFixture(t *testing.T) *outboxFixture {
	t.Helper()
	t.Parallel()
	f := &outboxFixture{s: testutil.DB(t), ctx: context.Background()}
	var err error
	if f.team, err = f.s.EnsureTeam(f.ctx, "Team A"); err != nil {
		t.Fatal(err)
	}
	if f.other, err = f.s.EnsureTeam(f.ctx, "Team B"); err != nil {
		t.Fatal(err)
	}
	return f
}

// msg is a valid message for the fixture's team with idempotency key key.
func (f *outboxFixture) msg(key string) models.OutboxMessage {
	return models.OutboxMessage{TeamID: f.team.ID, Kind: "test", IdempotencyKey: key,
		ToEmail: key + "@example.com", ToName: "Ann " + key, From: "Convene <convene@example.org>",
		Subject: "Hello " + key, Text: "Hi " + key, HTML: "<p>Hi " + key + "</p>", MessageIDHost: "convene.example.org"}
}

// enqueue stores m in its own transaction and returns the id.
func (f *outboxFixture) enqueue(t *testing.T, m models.OutboxMessage) string {
	t.Helper()
	var id string
	err := f.s.InTx(f.ctx, func(tx *sqlx.Tx) (err error) {
		id, _, err = models.Enqueue(f.ctx, tx, m)
		return err
	})
	if err != nil {
		t.Fatalf("enqueue: %v", err)
	}
	return id
}

// enqueueN stores n messages keyed k0…kn-1.
func (f *outboxFixture) enqueueN(t *testing.T, n int) []string {
	t.Helper()
	ids := make([]string, n)
	for i := range n {
		ids[i] = f.enqueue(t, f.msg(fmt.Sprintf("k%d", i)))
	}
	return ids
}

// row reads one row back.
func (f *outboxFixture) row(t *testing.T, id string) models.OutboxRow {
	t.Helper()
	r, err := f.s.GetOutbox(f.ctx, f.team.ID, id)
	if err != nil {
		t.Fatalf("get %s: %v", id, err)
	}
	return r
}

// exec runs SQL directly, to set up states such as a lease that ran out.
func (f *outboxFixture) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := f.s.DB.ExecContext(f.ctx, q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// claim claims up to n rows with a long lease.
func (f *outboxFixture) claim(t *testing.T, n int) []models.OutboxRow {
	t.Helper()
	rows, err := f.s.ClaimDue(f.ctx, n, time.Minute)
	if err != nil {
		t.Fatalf("claim: %v", err)
	}
	return rows
}

// wantStatus checks a row's status and, when given, its last error.
func (f *outboxFixture) wantStatus(t *testing.T, id, status, lastErr string) {
	t.Helper()
	r := f.row(t, id)
	if r.Status != status || (lastErr != "" && r.LastError != lastErr) {
		t.Fatalf("row %s: status %q, last error %q; want %q, %q", id, r.Status, r.LastError, status, lastErr)
	}
}
