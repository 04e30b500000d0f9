package handlers

import (
	"errors"
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// feedbackErr names the form's state conflicts for the client (409 with a specific code).
func feedbackErr(err error) error {
	for _, c := range []struct {
		err  error
		code string
	}{
		{models.ErrFeedbackClosed, "feedback_closed"}, {models.ErrFeedbackCancelled, "meetup_cancelled"},
		{models.ErrFeedbackNotScheduled, "feedback_not_scheduled"}, {models.ErrFeedbackNotStarted, "not_started"},
	} {
		if errors.Is(err, c.err) {
			return echo.NewHTTPError(http.StatusConflict, c.code)
		}
	}
	return err
}

// APISendFeedback mails the form to everyone it is for and not mailed yet → {"sent":N}.
func (h *Handlers) APISendFeedback(c echo.Context) error {
	u := currentUser(c)
	n, err := h.Store.SendFeedback(c.Request().Context(), h.Links, u.TeamID, u.ID, c.Param("id"), h.feedbackMail)
	if err != nil {
		return feedbackErr(err)
	}
	return c.JSON(http.StatusOK, map[string]int{"sent": n})
}

// APIFeedbackStatus returns the state of a meetup's form: when it goes or went out, until when
// it is open, how many were sent, reminded and answered.
func (h *Handlers) APIFeedbackStatus(c echo.Context) error {
	st, err := h.Store.GetFeedbackStatus(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, st)
}

// flagBody is the optional JSON body of a flag: nothing to say yet, but unknown fields are refused.
type flagBody struct{}

// APIFlagFeedback flags a person's answer for attention; the organisers get its comment by mail
// once per answer → the answer with flagged_at and alerted_at.
func (h *Handlers) APIFlagFeedback(c echo.Context) error {
	if c.Request().ContentLength != 0 {
		if err := bindJSON(c, &flagBody{}); err != nil {
			return err
		}
	}
	u := currentUser(c)
	f, err := h.Store.FlagFeedback(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), c.Param("person"), h.feedbackAlert)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, f)
}
