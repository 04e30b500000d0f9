package testutil

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/convene/convene/handlers"
	"github.com/convene/convene/models"
)

// Password is the password of every user NewApp and AddUser create.
const Password = "correct horse battery"

// App is the whole HTTP application on a real listener and its own database.
type App struct {
	Store  *models.Store
	H      *handlers.Handlers
	Server *httptest.Server
	URL    string
	Team   models.Team
	User   models.User
}

// NewApp starts the app with one team and one organiser in it.
func NewApp(t testing.TB) *App {
	t.Helper()
	a := Serve(t, DB(t), slog.New(slog.NewJSONHandler(io.Discard, nil)))
	a.Team, a.User = a.AddUser(t, "Test Team", "organiser@example.com", models.RoleOrganiser)
	return a
}

// Serve starts the app on store, logging to log, with no users of its own.
func Serve(t testing.TB, store *models.Store, log *slog.Logger) *App {
	t.Helper()
	srv := httptest.NewUnstartedServer(nil)
	base := "http://" + srv.Listener.Addr().String()
	h, err := handlers.New(store, log, handlers.Config{BaseURL: base, BodyLimit: "1M"})
	if err != nil {
		t.Fatalf("handlers: %v", err)
	}
	srv.Config.Handler = h.NewServer()
	srv.Start()
	t.Cleanup(srv.Close)
	return &App{Store: store, H: h, Server: srv, URL: base}
}

// AddUser creates a user (and the team if new) with the shared test password.
func (a *App) AddUser(t testing.TB, team, email, role string) (models.Team, models.User) {
	t.Helper()
	ctx := context.Background()
	tm, err := a.Store.EnsureTeam(ctx, team)
	if err != nil {
		t.Fatalf("team: %v", err)
	}
	u, err := a.Store.CreateUser(ctx, models.NewUser{TeamID: tm.ID, Email: email, Name: email, Role: role, Lang: "en", Password: Password})
	if err != nil {
		t.Fatalf("user: %v", err)
	}
	return tm, u
}

// Token creates an API token for the user with that email.
func (a *App) Token(t testing.TB, email string) string {
	t.Helper()
	tok, err := a.Store.CreateAPIToken(context.Background(), email, "test")
	if err != nil {
		t.Fatalf("token: %v", err)
	}
	return tok
}
