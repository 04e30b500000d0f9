package handlers

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/convene/convene/models"
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

// TestUnreadableTextIsExplained: text PostgreSQL refuses as not UTF-8, where no check of ours saw
// it first, is a 422 under the code invalid that says why, not "some fields are not valid".
func TestUnreadableTextIsExplained(t *testing.T) {
	cl := classify(fmt.Errorf("save: %w", models.ErrUnreadable))
	if cl.status != 422 || cl.code != "invalid" || cl.messageKey() != "error.invalid_utf8" {
		t.Fatalf("classified as %+v", cl)
	}
	if cl := classify(models.ErrInvalid); cl.messageKey() != "error.invalid" {
		t.Fatalf("a plain ErrInvalid says %s", cl.messageKey())
	}
}

// TestCountInAOneFormMessage: a Russian message written as one string, not per plural form, is
// still translated for counts whose form is not "other" (11 is "many", 1 is "one").
func TestCountInAOneFormMessage(t *testing.T) {
	views, err := NewViews()
	if err != nil {
		t.Fatal(err)
	}
	ru := views.NewTranslator("ru")
	for _, n := range []int{1, 3, 11} {
		got := ru.T("speakers.history.rating", "Rating", "4.1", "Count", n)
		if want := fmt.Sprintf("оценка 4.1 (%d)", n); got != want {
			t.Errorf("count %d: %q, want %q", n, got, want)
		}
	}
	if got := ru.T("speakers.slots.people", "Count", 3); got != "3 человека" {
		t.Errorf("a message with plural forms: %q", got)
	}
}

// TestAuditDetailMoments: a moment in an audit entry's detail reads as the page's other dates do,
// not as a raw RFC 3339 string.
func TestAuditDetailMoments(t *testing.T) {
	views, err := NewViews()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(readableDetail(views.NewTranslator("en"), `{"starts_at": "2026-12-16T12:30:00+01:00", "capacity": 40}`, nil), "; ")
	if got != "Capacity: 40; Starts: 2026-12-16 11:30 UTC" {
		t.Fatalf("detail = %q", got)
	}
}

// TestAuditDetailOfAnOlderEdit: an edit recorded before edits kept their old values (the patch
// as sent, nulls for what it left alone) reads as the fields it set, not as a Go map.
func TestAuditDetailOfAnOlderEdit(t *testing.T) {
	views, err := NewViews()
	if err != nil {
		t.Fatal(err)
	}
	detail := `{"edit": {"title": null, "capacity": null, "location": "Room 7", "starts_at": "2026-12-16T12:30:00Z", "ends_at": null, "fold": ""}}`
	got := strings.Join(readableDetail(views.NewTranslator("ru"), detail, nil), "; ")
	if got != "Место: Room 7; Начало: 2026-12-16 12:30 UTC" {
		t.Fatalf("detail = %q", got)
	}
}
