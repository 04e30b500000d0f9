package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// SetLanguage switches the UI language: stored on the user, or in a cookie before login.
func (h *Handlers) SetLanguage(c echo.Context) error {
	lang := MatchLang(c.FormValue("lang"))
	c.SetCookie(&http.Cookie{Name: "lang", Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.Cfg.SecureCookies})
	if u, err := h.sessionUser(c); err == nil && u != nil {
		if err := h.Store.SetUserLang(c.Request().Context(), u.ID, lang); err != nil {
			return err
		}
	}
	return redirect(c, safeNext(c.FormValue("next")))
}
