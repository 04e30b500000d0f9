package handlers

import (
	"errors"
	"net/http"

	"github.com/convene/convene/models"

	"github.com/labstack/echo/v4"
)

// cancelRequest is the body of POST /api/v1/meetups/{id}/cancel.
type cancelRequest struct {
	Reason string `json:"reason"`
}

// APICancelMeetup cancels a meetup with a reason; everyone invited is told (METHOD:CANCEL).
func (h *Handlers) APICancelMeetup(c echo.Context) error {
	var in cancelRequest
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u := currentUser(c)
	m, err := h.Store.CancelMeetup(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), in.Reason, h.meetupBroadcaster())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, m)
}

// CancelForm cancels a meetup from its schedule page once the organiser has ticked that everyone
// invited will be told. Without the tick, or with a reason too long, the page comes back with the
// field's error and the reason typed, and nothing is cancelled.
func (h *Handlers) CancelForm(c echo.Context) error {
	u := currentUser(c)
	id, reason := c.Param("id"), c.FormValue("reason")
	err := models.Invalid(models.FieldErrors{"confirm": "cancel_unconfirmed"})
	if c.FormValue("confirm") == "yes" {
		_, err = h.Store.CancelMeetup(c.Request().Context(), u.TeamID, u.ID, id, reason, h.meetupBroadcaster())
	}
	var ve *models.ValidationError
	if errors.As(err, &ve) {
		m, f, lerr := h.savedSchedule(c, id)
		if lerr != nil {
			return lerr
		}
		f.Reason = reason
		return h.renderSchedule(c, http.StatusUnprocessableEntity, m, f, err)
	}
	if err != nil {
		return err
	}
	h.flash(c, "cancel.done")
	return redirect(c, "/meetups/"+id)
}
