package models_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
	"github.com/google/uuid"
)

// TestUsersByEmailIgnoreCase proves an organiser is found whatever the case of the email, that the
// same address in another case is a conflict, and that only a hash of the password is kept.
func TestUsersByEmailIgnoreCase(t *testing.T) {
	s := testutil.DB(t)
	tm := newTeam(t, s, "Platform")
	u := newUser(t, s, tm.ID, "Ana.Lima@Example.com")

	got, err := s.UserByEmail(t.Context(), "ana.lima@EXAMPLE.COM")
	if err != nil || got.ID != u.ID || got.TeamID != tm.ID {
		t.Fatalf("UserByEmail in another case = %+v, %v; want user %s", got, err, u.ID)
	}
	if !strings.HasPrefix(got.PasswordHash, "$argon2id$") || strings.Contains(got.PasswordHash, "correct horse") {
		t.Fatalf("password kept as %q, want an argon2id hash", got.PasswordHash)
	}
	if !models.CheckPassword(got.PasswordHash, "correct horse battery") {
		t.Fatal("the right password is refused")
	}
	if models.CheckPassword(got.PasswordHash, "correct horse batterY") || models.CheckPassword("", "correct horse battery") {
		t.Fatal("a wrong password (or no hash) is accepted")
	}
	_, err = s.CreateUser(t.Context(), models.NewUser{TeamID: tm.ID, Email: "ANA.LIMA@example.com", Role: models.RoleAdmin,
		Lang: "en", Password: "another long password"})
	wantErr(t, "same email in another case", err, models.ErrConflict)
	_, err = s.UserByEmail(t.Context(), "nobody@example.com")
	wantErr(t, "unknown email", err, models.ErrNotFound)
	if n := count(t, s, `SELECT count(*) FROM users`); n != 1 {
		t.Fatalf("%d users stored, want 1", n)
	}
}

// TestDatabaseErrorsBecomeSentinels proves PostgreSQL's refusals reach callers as the package's
// sentinel errors: unique → ErrConflict, check and bad text → ErrInvalid, foreign key → ErrNotFound.
func TestDatabaseErrorsBecomeSentinels(t *testing.T) {
	s := testutil.DB(t)
	tm := newTeam(t, s, "Data")
	newUser(t, s, tm.ID, "taken@example.com")
	nu := func(teamID, email, role string) models.NewUser {
		return models.NewUser{TeamID: teamID, Email: email, Role: role, Lang: "en", Password: "long enough pw"}
	}
	cases := []struct {
		name string
		user models.NewUser
		want error
	}{
		{"unique violation", nu(tm.ID, "taken@example.com", models.RoleOrganiser), models.ErrConflict},
		{"check violation", nu(tm.ID, "boss@example.com", "boss"), models.ErrInvalid},
		{"foreign key violation", nu(uuid.NewString(), "lost@example.com", models.RoleOrganiser), models.ErrNotFound},
		{"malformed uuid", nu("not-a-uuid", "odd@example.com", models.RoleOrganiser), models.ErrInvalid},
	}
	for _, c := range cases {
		_, err := s.CreateUser(t.Context(), c.user)
		wantErr(t, c.name, err, c.want)
	}
	if n := count(t, s, `SELECT count(*) FROM users`); n != 1 {
		t.Fatalf("%d users stored after refusals, want 1", n)
	}
}

// TestEnsureTeamIsOneTeamPerName proves EnsureTeam returns the same team for a name in any case,
// also when many callers create it at once.
func TestEnsureTeamIsOneTeamPerName(t *testing.T) {
	s := testutil.DB(t)
	first := newTeam(t, s, "Growth")
	if again := newTeam(t, s, "GROWTH"); again.ID != first.ID || again.Name != "Growth" {
		t.Fatalf("EnsureTeam(GROWTH) = %+v, want the team %+v", again, first)
	}
	for round := range 10 { // a race shows only sometimes: try several new names
		name := fmt.Sprintf("Raced Team %d", round)
		ids := concurrently(t, 8, func() (string, error) {
			tm, err := s.EnsureTeam(t.Context(), name)
			return tm.ID, err
		})
		for _, id := range ids {
			if id != ids[0] {
				t.Fatalf("concurrent EnsureTeam(%s) gave different teams: %v", name, ids)
			}
		}
	}
	if n := count(t, s, `SELECT count(*) FROM teams`); n != 11 {
		t.Fatalf("%d teams, want 11", n)
	}
}

// concurrently runs fn n times at once and returns the results; any error fails the test.
func concurrently(t *testing.T, n int, fn func() (string, error)) []string {
	t.Helper()
	out := make([]string, n)
	errs := make([]error, n)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range n {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			out[i], errs[i] = fn()
		}()
	}
	start.Done()
	done.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("call %d of %d: %v", i, n, err)
		}
	}
	return out
}
