package handlers

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
)

// TestRenderFailureSendsNothing proves a page that fails to render sends no status or bytes, so the
// error handler can still answer with its 500 page and log the cause.
func TestRenderFailureSendsNothing(t *testing.T) {
	views, err := NewViews()
	if err != nil {
		t.Fatal(err)
	}
	h := &Handlers{Views: views}
	rec := httptest.NewRecorder()
	c := echo.New().NewContext(httptest.NewRequest(http.MethodGet, "/", nil), rec)
	p := &Page{Translator: views.NewTranslator("en")}
	if err := h.render(c, http.StatusOK, "no-such-page", p); err == nil {
		t.Fatal("rendering a missing page gave no error")
	}
	if c.Response().Committed || rec.Body.Len() > 0 {
		t.Fatalf("a failed render sent status %d and %d bytes", rec.Code, rec.Body.Len())
	}
	rec = httptest.NewRecorder()
	c = echo.New().NewContext(httptest.NewRequest(http.MethodGet, "/", nil), rec)
	p.Data = "login.failed"
	p.Form = loginForm{Email: "a@example.com"}
	if err := h.render(c, http.StatusUnprocessableEntity, "login", p); err != nil || rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("render login: %v, status %d", err, rec.Code)
	}
}
