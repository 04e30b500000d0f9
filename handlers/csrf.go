package handlers

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"

	"github.com/labstack/echo/v4"
)

const csrfKey = "csrf_token"

// csrfToken returns the session's CSRF token, creating it on first use.
func (h *Handlers) csrfToken(c echo.Context) string {
	ctx := c.Request().Context()
	if t := h.Sessions.GetString(ctx, csrfKey); t != "" {
		return t
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	t := base64.RawURLEncoding.EncodeToString(b)
	h.Sessions.Put(ctx, csrfKey, t)
	return t
}

// requireCSRF refuses state-changing requests without the session's token (form field or header)
// and, through the standard library's cross-origin protection, those from another origin.
func (h *Handlers) requireCSRF(next echo.HandlerFunc) echo.HandlerFunc {
	cop := http.NewCrossOriginProtection()
	return func(c echo.Context) error {
		r := c.Request()
		if r.Method == http.MethodGet || r.Method == http.MethodHead || r.Method == http.MethodOptions {
			return next(c)
		}
		if err := cop.Check(r); err != nil {
			return echo.NewHTTPError(http.StatusForbidden, "cross_origin")
		}
		want := h.Sessions.GetString(r.Context(), csrfKey)
		got := r.Header.Get("X-CSRF-Token")
		if got == "" {
			got = c.FormValue(csrfKey)
		}
		if want == "" || subtle.ConstantTimeCompare([]byte(want), []byte(got)) != 1 {
			return echo.NewHTTPError(http.StatusForbidden, "csrf")
		}
		return next(c)
	}
}
