package handlers

import (
	"database/sql"
	"fmt"
	"net/http"
	"time"

	"github.com/alexedwards/scs/postgresstore"
	"github.com/alexedwards/scs/v2"
	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// NewSessions returns a session manager that keeps sessions in PostgreSQL.
func NewSessions(db *sql.DB, secure bool) *scs.SessionManager {
	sm := scs.New()
	sm.Store = postgresstore.NewWithCleanupInterval(db, 30*time.Minute)
	sm.Lifetime = 12 * time.Hour
	sm.IdleTimeout = 2 * time.Hour
	sm.Cookie.Name = "convene_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = secure
	sm.Cookie.Path = "/"
	return sm
}

// sessionFailed answers a request whose session could not be loaded or saved. Sessions live in
// PostgreSQL, so the database is unavailable: the usual 503 page or JSON, not scs's bare 500.
// scs saves the session as the handler starts writing and, after calling this, lets the handler
// write on; what it writes then is dropped, so the client gets the error page alone.
func (h *Handlers) sessionFailed(e *echo.Echo) func(http.ResponseWriter, *http.Request, error) {
	return func(w http.ResponseWriter, r *http.Request, err error) {
		h.HandleError(fmt.Errorf("%w: session: %w", models.ErrUnavailable, err), e.NewContext(r, w))
		if res, ok := w.(*echo.Response); ok {
			res.Writer = droppedWriter{header: http.Header{}}
		}
	}
}

// droppedWriter swallows a response that was replaced by an error page.
type droppedWriter struct{ header http.Header }

func (d droppedWriter) Header() http.Header       { return d.header }
func (droppedWriter) Write(b []byte) (int, error) { return len(b), nil }
func (droppedWriter) WriteHeader(int)             {}
func (droppedWriter) Flush()                      {}
