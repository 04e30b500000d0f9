// Package demo loads a demo company: a team, its admin, the sample directory and meetups in several stages.
package demo

import (
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/convene/convene/directory"
	"github.com/convene/convene/models"
)

//go:embed people-sample.csv
var peopleCSV []byte

// TeamName is the demo team's name.
const TeamName = "Demo Company"

// AdminEmail is the demo admin's login.
const AdminEmail = "admin@demo.convene.test"

// Credentials say how to log in to the demo.
type Credentials struct {
	Email    string
	Password string
	People   int
}

// Load creates the demo team once and resets its admin's password on every run; with mail it
// also queues the demo's mails through the app's send paths (see sendMail).
func Load(ctx context.Context, store *models.Store, mail Mailers) (Credentials, error) {
	team, err := store.EnsureTeam(ctx, TeamName)
	if err != nil {
		return Credentials{}, err
	}
	pw := newPassword()
	if err := ensureAdmin(ctx, store, team.ID, pw); err != nil {
		return Credentials{}, err
	}
	n, err := store.CountPeople(ctx, team.ID)
	if err != nil {
		return Credentials{}, err
	}
	if n == 0 {
		if err := seed(ctx, store, team.ID); err != nil {
			return Credentials{}, err
		}
	}
	if err := seedCelebration(ctx, store, team.ID); err != nil {
		return Credentials{}, fmt.Errorf("demo celebration: %w", err)
	}
	if err := sendMail(ctx, store, team.ID, mail); err != nil {
		return Credentials{}, err
	}
	n, err = store.CountPeople(ctx, team.ID)
	return Credentials{Email: AdminEmail, Password: pw, People: n}, err
}

// ensureAdmin creates the admin, or gives the existing one the new password.
func ensureAdmin(ctx context.Context, store *models.Store, teamID, pw string) error {
	_, err := store.CreateUser(ctx, models.NewUser{TeamID: teamID, Email: AdminEmail, Name: "Demo Admin",
		Role: models.RoleAdmin, Lang: "en", Password: pw})
	if errors.Is(err, models.ErrConflict) {
		return store.SetPassword(ctx, AdminEmail, pw)
	}
	return err
}

// newPassword makes a readable random password.
func newPassword() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return strings.NewReplacer("-", "x", "_", "y").Replace(base64.RawURLEncoding.EncodeToString(b))
}

// seed loads the directory through the importer, then the demo meetups.
func seed(ctx context.Context, store *models.Store, teamID string) error {
	res, err := directory.Parse(peopleCSV)
	if err != nil {
		return fmt.Errorf("demo people: %w", err)
	}
	_, err = store.ImportPeople(ctx, models.ImportRequest{TeamID: teamID, Source: "demo", People: res.People()})
	if err != nil {
		return fmt.Errorf("demo people: %w", err)
	}
	if err := seedMeetups(ctx, store, teamID); err != nil {
		return err
	}
	if err := seedSpeakers(ctx, store, teamID); err != nil {
		return err
	}
	return seedSurveys(ctx, store, teamID)
}
