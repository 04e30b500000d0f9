package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// Page is the data every page template gets, filled by one constructor.
type Page struct {
	Translator
	Title     string
	Nav       string
	User      *models.User
	CSRF      string
	Flash     string
	RequestID string
	Form      any
	Errors    models.FieldErrors
	// ErrorArgs are the values a field's error message names, by field (name/value pairs).
	ErrorArgs map[string][]any
	Data      any
	// Here is the page's own address, where the language switch leads back to.
	Here string
	// FlashCount is the number the flash message names ({{.Count}}); 0 when it names none.
	FlashCount int
}

// FieldError returns the translated error for a form field, or "".
func (p *Page) FieldError(field string) string {
	if key, ok := p.Errors[field]; ok {
		return fieldMessage(p.Translator, key, p.ErrorArgs[field]...)
	}
	return ""
}

// newPage builds the page data for the current request and user.
func (h *Handlers) newPage(c echo.Context, title, nav string) *Page {
	u := currentUser(c)
	p := &Page{
		Translator: h.Views.NewTranslator(h.requestLang(c, u)),
		Nav:        nav,
		User:       u,
		RequestID:  c.Response().Header().Get(echo.HeaderXRequestID),
	}
	p.Title = p.T(title)
	p.CSRF = h.csrfToken(c)
	p.Here = returnPath(c)
	p.Flash = h.Sessions.PopString(c.Request().Context(), "flash")
	if p.Flash != "" {
		p.FlashCount = h.Sessions.PopInt(c.Request().Context(), "flash_count")
	}
	return p
}

// newPublicPage builds page data for a personal-link page: no session, no user.
func (h *Handlers) newPublicPage(c echo.Context, lang, title string) *Page {
	p := &Page{
		Translator: h.Views.NewTranslator(lang),
		RequestID:  c.Response().Header().Get(echo.HeaderXRequestID),
	}
	p.Title = p.T(title)
	return p
}

// uiLang is the language the request's pages are in ("en" or "ru").
func (h *Handlers) uiLang(c echo.Context) string {
	return h.Views.NewTranslator(h.requestLang(c, currentUser(c))).Lang
}

// requestLang is the user's setting, else the lang cookie, else Accept-Language.
func (h *Handlers) requestLang(c echo.Context, u *models.User) string {
	if u != nil {
		return u.Lang
	}
	if ck, err := c.Cookie("lang"); err == nil {
		return MatchLang(ck.Value)
	}
	return MatchLang(c.Request().Header.Get("Accept-Language"))
}

// render writes a page with the given status. The page is rendered first, so a failure sends
// nothing and the error handler can still answer (and log) it.
func (h *Handlers) render(c echo.Context, status int, name string, p *Page) error {
	b, err := h.Views.Page(name, p)
	if err != nil {
		return err
	}
	return c.HTMLBlob(status, b)
}

// flash stores a translated-later message id shown on the next page.
func (h *Handlers) flash(c echo.Context, msgID string) {
	h.Sessions.Put(c.Request().Context(), "flash", msgID)
}

// flashCount stores a message id shown on the next page with n, the count it names.
func (h *Handlers) flashCount(c echo.Context, msgID string, n int) {
	h.flash(c, msgID)
	h.Sessions.Put(c.Request().Context(), "flash_count", n)
}

// redirect answers a form POST with 303 See Other.
func redirect(c echo.Context, to string) error { return c.Redirect(http.StatusSeeOther, to) }
