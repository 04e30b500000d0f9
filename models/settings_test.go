package models_test

import (
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestEnsureSecretIsStable proves the generated signing secret is created once and then always the
// same, also when several replicas start at the same moment.
func TestEnsureSecretIsStable(t *testing.T) {
	s := testutil.DB(t)
	for round := range 10 { // a race shows only sometimes: start afresh several times
		if _, err := s.DB.ExecContext(t.Context(), `DELETE FROM settings`); err != nil {
			t.Fatal(err)
		}
		secrets := concurrently(t, 8, func() (string, error) { return s.EnsureSecret(t.Context()) })
		again, err := s.EnsureSecret(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		for _, sec := range append(secrets, again) {
			if sec != secrets[0] {
				t.Fatalf("round %d: EnsureSecret gave different secrets: %v, then %s", round, secrets, again)
			}
		}
		if len(again) < 32 {
			t.Fatalf("secret %q is shorter than 32 characters", again)
		}
		if n := count(t, s, `SELECT count(*) FROM settings WHERE key = 'secret'`); n != 1 {
			t.Fatalf("%d secrets stored, want 1", n)
		}
	}
}
