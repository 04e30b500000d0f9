package handlers

import (
	"net/http"
	"strings"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// Login throttling: failures allowed per account and per client address within the window.
const (
	throttleWindow     = 15 * time.Minute
	maxAccountFailures = 5
	maxAddressFailures = 30
)

// loginForm is the login page's form.
type loginForm struct {
	Email    string `form:"email"`
	Password string `form:"password"`
	Next     string `form:"next"`
}

// LoginPage shows the login form.
func (h *Handlers) LoginPage(c echo.Context) error {
	if u, _ := h.sessionUser(c); u != nil {
		return redirect(c, "/")
	}
	p := h.newPage(c, "login.title", "")
	p.Form = loginForm{Next: safeNext(c.QueryParam("next"))}
	if c.QueryParam("bye") != "" {
		p.Flash = "flash.logged_out"
	}
	return h.render(c, http.StatusOK, "login", p)
}

// Login checks the credentials and starts a fresh session; every failure looks the same.
func (h *Handlers) Login(c echo.Context) error {
	var f loginForm
	if err := c.Bind(&f); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	f.Email = strings.TrimSpace(f.Email)
	if fe := f.missing(); len(fe) > 0 {
		return h.loginIncomplete(c, f, fe)
	}
	ctx := c.Request().Context()
	acctKey, ipKey := "acct:"+strings.ToLower(f.Email), "ip:"+c.RealIP()
	if h.throttled(c, acctKey, ipKey) {
		return h.loginFailed(c, f, http.StatusTooManyRequests, "login.throttled")
	}
	u, err := h.Store.UserByEmail(ctx, f.Email)
	hash := u.PasswordHash
	if err != nil {
		hash = "" // compared against a dummy so the time is the same
	}
	if !models.CheckPassword(hash, f.Password) {
		if err := h.Store.RecordFailure(ctx, acctKey, ipKey); err != nil {
			return err
		}
		return h.loginFailed(c, f, http.StatusUnprocessableEntity, "login.failed")
	}
	_ = h.Store.ClearFailures(ctx, acctKey)
	if err := h.Sessions.RenewToken(ctx); err != nil {
		return err
	}
	h.Sessions.Remove(ctx, csrfKey) // a new CSRF token with the new session
	h.Sessions.Put(ctx, "user_id", u.ID)
	h.setLangCookie(c, MatchLang(u.Lang)) // the user's language also where no user is known
	return redirect(c, safeNext(f.Next))
}

// throttled reports whether the account or the address failed too often lately.
func (h *Handlers) throttled(c echo.Context, acctKey, ipKey string) bool {
	ctx := c.Request().Context()
	n, err := h.Store.RecentFailures(ctx, acctKey, throttleWindow)
	if err == nil && n >= maxAccountFailures {
		return true
	}
	n, err = h.Store.RecentFailures(ctx, ipKey, throttleWindow)
	return err == nil && n >= maxAddressFailures
}

// missing names the empty fields: a form sent empty is not a failed guess, and saying which field
// is needed tells nothing about any account.
func (f loginForm) missing() models.FieldErrors {
	fe := models.FieldErrors{}
	if f.Email == "" {
		fe["email"] = "required"
	}
	if f.Password == "" {
		fe["password"] = "required"
	}
	return fe
}

// loginIncomplete re-renders the form with an error beside each empty field, keeping the email.
func (h *Handlers) loginIncomplete(c echo.Context, f loginForm, fe models.FieldErrors) error {
	p := h.newPage(c, "login.title", "")
	f.Password = ""
	p.Form, p.Errors = f, fe
	return h.render(c, http.StatusUnprocessableEntity, "login", p)
}

// loginFailed re-renders the form with one message, keeping the email.
func (h *Handlers) loginFailed(c echo.Context, f loginForm, status int, msg string) error {
	p := h.newPage(c, "login.title", "")
	f.Password = ""
	p.Form = f
	p.Data = msg
	return h.render(c, status, "login", p)
}

// Logout ends the session.
func (h *Handlers) Logout(c echo.Context) error {
	if err := h.Sessions.Destroy(c.Request().Context()); err != nil {
		return err
	}
	return redirect(c, "/login?bye=1")
}

// safeNext keeps only local paths, so the login form cannot redirect elsewhere. Browsers drop tabs
// and newlines from a URL and read a backslash as a slash, so "/\t/evil" would become "//evil".
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsFunc(next, unsafeInRedirect) {
		return "/"
	}
	return next
}

// unsafeInRedirect reports the characters a browser may rewrite in a Location: controls and backslashes.
func unsafeInRedirect(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }
