package main

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestTokenCreate proves `token create` prints the token alone, and that token opens the API.
func TestTokenCreate(t *testing.T) {
	store := useDB(t)
	tm, err := store.EnsureTeam(t.Context(), "API Team")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.CreateUser(t.Context(), models.NewUser{TeamID: tm.ID, Email: "bot@example.com", Role: models.RoleOrganiser,
		Lang: "en", Password: "a long enough password"}); err != nil {
		t.Fatal(err)
	}
	r := convene(t, "", "token", "create", "--email", "BOT@example.com", "--name", "ci")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	token, ok := strings.CutSuffix(r.stdout, "\n")
	if !ok || strings.ContainsAny(token, " \n\t") || !strings.HasPrefix(token, "cvn_") {
		t.Fatalf("stdout %q: want the token alone on one line", r.stdout)
	}

	app := testutil.Serve(t, store, slog.New(slog.NewTextHandler(io.Discard, nil)))
	c := app.Client()
	if res := c.Get(t, "/api/v1/meetups", "Authorization", "Bearer "+token); res.Status != http.StatusOK || !strings.Contains(res.Body, `"items":[]`) {
		t.Fatalf("GET /api/v1/meetups with the token: %d %s", res.Status, res.Body)
	}
	if res := c.Get(t, "/api/v1/meetups", "Authorization", "Bearer "+token+"x"); res.Status != http.StatusUnauthorized {
		t.Fatalf("a changed token: %d, want 401", res.Status)
	}
}

// TestTokenCreateRefusals proves an unknown email or a missing flag is an error and prints no token.
func TestTokenCreateRefusals(t *testing.T) {
	store := useDB(t)
	r := convene(t, "", "token", "create", "--email", "ghost@example.com")
	if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "no user with email ghost@example.com") {
		t.Fatalf("unknown email: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := convene(t, "", "token", "create"); r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "--email is required") {
		t.Fatalf("no --email: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := convene(t, "", "token", "list"); r.code != 2 {
		t.Fatalf("token list: exit %d, want 2", r.code)
	}
	var n int
	if err := store.DB.GetContext(t.Context(), &n, `SELECT count(*) FROM api_tokens`); err != nil || n != 0 {
		t.Fatalf("%d tokens stored (%v), want 0", n, err)
	}
}
