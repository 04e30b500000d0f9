package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// TestUserCreate proves `user create` makes a user who can log in with the password from stdin,
// in the named team.
func TestUserCreate(t *testing.T) {
	store := useDB(t)
	r := convene(t, "a long enough password\r\n", "user", "create", "--email", "Ana@Example.com", "--role", "organiser",
		"--team", "Platform", "--name", "Ana Lima", "--lang", "ru")
	if r.code != 0 || !strings.Contains(r.stdout, "Ana@Example.com") {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	u, err := store.UserByEmail(t.Context(), "ana@example.com")
	if err != nil {
		t.Fatalf("the user is not there: %v", err)
	}
	if !models.CheckPassword(u.PasswordHash, "a long enough password") {
		t.Fatal("the password given on stdin does not log in")
	}
	tm, err := store.GetTeam(t.Context(), u.TeamID)
	if err != nil || tm.Name != "Platform" || u.Role != models.RoleOrganiser || u.Name != "Ana Lima" || u.Lang != "ru" {
		t.Fatalf("user %+v in team %+v (%v); want organiser Ana Lima, ru, team Platform", u, tm, err)
	}

	r = convene(t, "another long password\n", "user", "create", "--email", "bo@example.com", "--role", "admin")
	if r.code != 0 {
		t.Fatalf("without --team: exit %d, %q", r.code, r.stderr)
	}
	if bo, err := store.UserByEmail(t.Context(), "bo@example.com"); err != nil || bo.TeamID != tm.ID {
		t.Fatalf("without --team the user goes to the first team: %+v, %v", bo, err)
	}
}

// TestUserCreateRefusesBadInput proves bad flags or a short password exit with 2 and say why,
// and a taken email is a clear error; nothing is created.
func TestUserCreateRefusesBadInput(t *testing.T) {
	store := useDB(t)
	pw := "a long enough password\n"
	cases := []struct {
		name, stdin string
		args        []string
		code        int
		want        string
	}{
		{"bad role", pw, []string{"--email", "x@example.com", "--role", "boss"}, 2, "--role must be admin or organiser"},
		{"no role", pw, []string{"--email", "x@example.com"}, 2, "--role must be admin or organiser"},
		{"bad email", pw, []string{"--email", "not-an-email", "--role", "admin"}, 2, "--email must be a plain address"},
		{"email with a name", pw, []string{"--email", "X <x@example.com>", "--role", "admin"}, 2, "--email must be a plain address"},
		{"bad language", pw, []string{"--email", "x@example.com", "--role", "admin", "--lang", "de"}, 2, "--lang must be en or ru"},
		{"short password", "short\n", []string{"--email", "x@example.com", "--role", "admin"}, 2, "at least 10 characters"},
		{"no password", "", []string{"--email", "x@example.com", "--role", "admin"}, 2, "at least 10 characters"},
		{"unknown flag", pw, []string{"--mail", "x@example.com"}, 2, "flag provided but not defined"},
	}
	for _, c := range cases {
		r := convene(t, c.stdin, append([]string{"user", "create"}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", c.name, r.code, r.stderr, c.code, c.want)
		}
	}
	if r := convene(t, "", "user", "delete"); r.code != 2 {
		t.Errorf("user delete: exit %d, want 2", r.code)
	}
	_, err := store.UserByEmail(t.Context(), "x@example.com")
	if !errors.Is(err, models.ErrNotFound) {
		t.Fatalf("a refused user was created (%v)", err)
	}

	if r := convene(t, pw, "user", "create", "--email", "dup@example.com", "--role", "admin"); r.code != 0 {
		t.Fatalf("first user: %q", r.stderr)
	}
	r := convene(t, pw, "user", "create", "--email", "DUP@example.com", "--role", "organiser")
	if r.code == 0 || !strings.Contains(r.stderr, "a user with email DUP@example.com already exists") {
		t.Fatalf("duplicate: exit %d, stderr %q", r.code, r.stderr)
	}
}
