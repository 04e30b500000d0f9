package models_test

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// TestAPITokensAreStoredHashed proves an API token finds its user, while the table holds only its
// SHA-256 and never the token's text.
func TestAPITokensAreStoredHashed(t *testing.T) {
	s := testutil.DB(t)
	tm := newTeam(t, s, "Tokens")
	u := newUser(t, s, tm.ID, "api@example.com")
	tok, err := s.CreateAPIToken(t.Context(), "API@example.com", "ci")
	if err != nil {
		t.Fatalf("create token: %v", err)
	}
	secret, ok := strings.CutPrefix(tok, "cvn_")
	if !ok || len(secret) < 40 {
		t.Fatalf("token %q: want cvn_ and at least 40 characters", tok)
	}
	var rows []string
	if err := s.DB.SelectContext(t.Context(), &rows, `SELECT row_to_json(t)::text FROM api_tokens t`); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || strings.Contains(rows[0], secret) || strings.Contains(rows[0], secret[:12]) {
		t.Fatalf("api_tokens rows %v hold the token text %q", rows, secret)
	}
	var hash []byte
	if err := s.DB.GetContext(t.Context(), &hash, `SELECT token_hash FROM api_tokens`); err != nil {
		t.Fatal(err)
	}
	if want := sha256.Sum256([]byte(secret)); !bytes.Equal(hash, want[:]) {
		t.Fatalf("token_hash = %x, want SHA-256 of the token %x", hash, want)
	}

	got, err := s.UserByAPIToken(t.Context(), tok)
	if err != nil || got.ID != u.ID || got.TeamID != tm.ID {
		t.Fatalf("UserByAPIToken = %+v, %v; want user %s", got, err, u.ID)
	}
	if n := count(t, s, `SELECT count(*) FROM api_tokens WHERE last_used_at IS NOT NULL`); n != 1 {
		t.Fatal("last_used_at not recorded")
	}
	for _, bad := range []string{"", "cvn_", secret, "cvn_" + secret[:len(secret)-1] + "x", "cvn_" + strings.ToUpper(secret)} {
		if bad == tok {
			continue
		}
		_, err := s.UserByAPIToken(t.Context(), bad)
		wantErr(t, "token "+bad, err, models.ErrNotFound)
	}
	_, err = s.CreateAPIToken(t.Context(), "nobody@example.com", "")
	wantErr(t, "token for an unknown email", err, models.ErrNotFound)
}
