package models_test

import (
	"errors"
	"testing"

	"github.com/convene/convene/models"
)

// newTeam creates a team or fails the test.
func newTeam(t *testing.T, s *models.Store, name string) models.Team {
	t.Helper()
	tm, err := s.EnsureTeam(t.Context(), name)
	if err != nil {
		t.Fatalf("team %s: %v", name, err)
	}
	return tm
}

// newUser creates an organiser in team or fails the test.
func newUser(t *testing.T, s *models.Store, teamID, email string) models.User {
	t.Helper()
	u, err := s.CreateUser(t.Context(), models.NewUser{TeamID: teamID, Email: email, Role: models.RoleOrganiser,
		Lang: "en", Password: "correct horse battery"})
	if err != nil {
		t.Fatalf("user %s: %v", email, err)
	}
	return u
}

// wantErr fails unless err is (or wraps) want.
func wantErr(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("%s: got error %v, want %v", what, err, want)
	}
}

// fields returns the field errors of a *ValidationError, failing the test for any other error.
func fields(t *testing.T, what string, err error) models.FieldErrors {
	t.Helper()
	var ve *models.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("%s: got %v, want a *ValidationError", what, err)
	}
	return ve.Fields
}

// count runs a count query.
func count(t *testing.T, s *models.Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.DB.GetContext(t.Context(), &n, query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
