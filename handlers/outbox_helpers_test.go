package handlers_test

import (
	"context"
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// outboxApp is the app with a logged-in organiser and mail in the outbox.
type outboxApp struct {
	*testutil.App
	c     *testutil.Client
	ctx   context.Context
	other models.Team
}

func newOutboxApp(t *testing.T) *outboxApp {
	t.Helper()
	t.Parallel()
	a := &outboxApp{App: testutil.NewApp(t), ctx: context.Background()}
	a.other, _ = a.AddUser(t, "Other Team", "other@example.com", models.RoleOrganiser)
	a.c = a.Client()
	if res := a.c.Login(t, a.User.Email, testutil.Password); res.Status != 303 {
		t.Fatalf("login: %d", res.Status)
	}
	return a
}

// enqueue stores a message for team with the given key and optional extra settings.
func (a *outboxApp) enqueue(t *testing.T, teamID, key string, edit ...func(*models.OutboxMessage)) string {
	t.Helper()
	m := models.OutboxMessage{TeamID: teamID, Kind: "invite", IdempotencyKey: key, ToEmail: key + "@example.com",
		ToName: "Guest " + key, From: "Convene <convene@example.org>", Subject: "Subject " + key, Text: "Text " + key,
		HTML: "<p>HTML " + key + "</p>"}
	for _, e := range edit {
		e(&m)
	}
	var id string
	err := a.Store.InTx(a.ctx, func(tx *sqlx.Tx) (err error) {
		id, _, err = models.Enqueue(a.ctx, tx, m)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// fail claims every due row and fails the one with id with reason (the others go back).
func (a *outboxApp) fail(t *testing.T, id, reason string) {
	t.Helper()
	rows, err := a.Store.ClaimDue(a.ctx, 100, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	var back []models.ClaimRef
	for _, r := range rows {
		if r.ID == id {
			err = a.Store.MarkFailed(a.ctx, r.Claim(), reason)
		} else {
			back = append(back, r.Claim())
		}
	}
	if err == nil {
		err = a.Store.Release(a.ctx, back)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// status reads a row's status directly.
func (a *outboxApp) status(t *testing.T, teamID, id string) string {
	t.Helper()
	r, err := a.Store.GetOutbox(a.ctx, teamID, id)
	if err != nil {
		t.Fatal(err)
	}
	return r.Status
}

// post sends a form from the organiser's session with the CSRF token of page.
func (a *outboxApp) post(t *testing.T, page, path string, v url.Values) testutil.Response {
	t.Helper()
	if v == nil {
		v = url.Values{}
	}
	v.Set("csrf_token", testutil.CSRF(t, page))
	return a.c.PostForm(t, path, v)
}

var nonceRe = regexp.MustCompile(`name="nonce" value="([^"]+)"`)
