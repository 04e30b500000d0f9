package handlers

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"
)

// SetLanguage switches the UI language: stored on the user, or in a cookie before login. It
// returns to the page the switch was on ("next"), when that is a local path, else to "/".
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

// returnPath is where the language switch of the page being rendered leads back to: the page's
// own address for a GET, else (a form shown again after a POST) the page the form was on, when
// the browser names it and it is on this site; "" when unknown.
func returnPath(c echo.Context) string {
	r := c.Request()
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return r.URL.RequestURI()
	}
	ref, err := url.Parse(r.Referer())
	if err != nil || ref.Host != r.Host {
		return ""
	}
	return ref.RequestURI()
}
