package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// SetLanguage switches the UI language: stored on the user, or in a cookie before login.
func (h *Handlers) SetLanguage(c echo.Context) error {
	lang := MatchLang(c.FormValue("lang"))
	h.setLangCookie(c, lang)
	if u, err := h.sessionUser(c); err == nil && u != nil {
		if err := h.Store.SetUserLang(c.Request().Context(), u.ID, lang); err != nil {
			return err
		}
	}
	return redirect(c, safeNext(c.FormValue("next")))
}

// setLangCookie remembers the UI language in the browser too, for pages that know no user (a
// mistyped address's 404, the login page after logout).
func (h *Handlers) setLangCookie(c echo.Context, lang string) {
	c.SetCookie(&http.Cookie{Name: "lang", Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.Cfg.SecureCookies})
}
