package handlers

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// apiError is the JSON error body of API.md.
type apiError struct {
	Code      string            `json:"code"`
	Message   string            `json:"message"`
	Fields    map[string]string `json:"fields,omitempty"`
	RequestID string            `json:"request_id,omitempty"`
}

// classified is an error reduced to what a client may see.
type classified struct {
	status int
	code   string
	fields models.FieldErrors
	// message is the key of the message under error., when it is not the code's own
	message string
}

// messageKey is the catalogue key of the error's message.
func (cl classified) messageKey() string {
	if cl.message != "" {
		return "error." + cl.message
	}
	return "error." + cl.code
}

// classify maps sentinel and HTTP errors to a status and a public code; anything else is internal.
func classify(err error) classified {
	var ve *models.ValidationError
	var he *echo.HTTPError
	switch {
	case errors.As(err, &ve):
		return classified{status: http.StatusUnprocessableEntity, code: "invalid", fields: ve.Fields}
	case errors.Is(err, models.ErrNotFound):
		return classified{status: http.StatusNotFound, code: "not_found"}
	case errors.Is(err, models.ErrMeetupCancelled):
		return classified{status: http.StatusConflict, code: "meetup_cancelled"}
	case errors.Is(err, models.ErrSpeakerStepsClosed):
		return classified{status: http.StatusConflict, code: "meetup_done"}
	case errors.Is(err, models.ErrConflict):
		return classified{status: http.StatusConflict, code: "conflict"}
	case errors.Is(err, models.ErrUnreadable):
		return classified{status: http.StatusUnprocessableEntity, code: "invalid", message: "invalid_utf8"}
	case errors.Is(err, models.ErrInvalid):
		return classified{status: http.StatusUnprocessableEntity, code: "invalid"}
	case errors.Is(err, models.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return classified{status: http.StatusServiceUnavailable, code: "unavailable"}
	case errors.As(err, &he):
		return classified{status: he.Code, code: httpCode(he)}
	}
	return classified{status: http.StatusInternalServerError, code: "internal"}
}

// httpCode names an Echo HTTP error by its status, or by the code string a handler gave it.
func httpCode(he *echo.HTTPError) string {
	if s, ok := he.Message.(string); ok && !strings.Contains(s, " ") && s != "" {
		return strings.ToLower(s)
	}
	switch he.Code {
	case http.StatusBadRequest:
		return "bad_request"
	case http.StatusUnauthorized:
		return "unauthorized"
	case http.StatusForbidden:
		return "forbidden"
	case http.StatusNotFound:
		return "not_found"
	case http.StatusMethodNotAllowed:
		return "method_not_allowed"
	case http.StatusRequestEntityTooLarge:
		return "too_large"
	case http.StatusUnsupportedMediaType:
		return "unsupported_media_type"
	case http.StatusTooManyRequests:
		return "too_many_requests"
	case http.StatusServiceUnavailable:
		return "unavailable"
	}
	return "error"
}

// HandleError is Echo's one error handler: JSON under /api/, a friendly page elsewhere.
func (h *Handlers) HandleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	cl := classify(err)
	rid := c.Response().Header().Get(echo.HeaderXRequestID)
	if cl.status >= 500 {
		h.Log.Error("request failed", "request_id", rid, "route", c.Path(), "method", c.Request().Method, "err", err)
	}
	tr := h.Views.NewTranslator(h.requestLang(c, currentUser(c)))
	if strings.HasPrefix(c.Request().URL.Path, "/api/") {
		h.writeAPIError(c, cl, tr, rid)
		return
	}
	h.writeErrorPage(c, cl, tr, rid)
}

// writeAPIError writes the JSON error body.
func (h *Handlers) writeAPIError(c echo.Context, cl classified, tr Translator, rid string) {
	body := apiError{Code: cl.code, Message: tr.T(cl.messageKey()), RequestID: rid}
	if len(cl.fields) > 0 {
		body.Fields = map[string]string{}
		for f, key := range cl.fields {
			body.Fields[f] = fieldMessage(tr, key)
		}
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(cl.status)
		return
	}
	_ = c.JSON(cl.status, map[string]apiError{"error": body})
}

// writeErrorPage renders the friendly error page.
func (h *Handlers) writeErrorPage(c echo.Context, cl classified, tr Translator, rid string) {
	p := &Page{Translator: tr, RequestID: rid, User: currentUser(c)}
	p.Title = tr.T("error.title." + statusGroup(cl.status))
	p.Data = map[string]any{"Status": cl.status, "Message": tr.T(cl.messageKey())}
	c.Response().Header().Set("Cache-Control", "no-store")
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(cl.status)
		return
	}
	if err := h.render(c, cl.status, "error", p); err != nil {
		h.Log.Error("render error page", "request_id", rid, "err", err)
	}
}

// statusGroup names the family of a status for the page title.
func statusGroup(status int) string {
	switch {
	case status == http.StatusNotFound:
		return "not_found"
	case status == http.StatusTooManyRequests:
		return "too_many"
	case status >= 500:
		return "server"
	}
	return "client"
}
