package handlers

import (
	"net/http"

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

// CancelForm cancels a meetup from its schedule page.
func (h *Handlers) CancelForm(c echo.Context) error {
	u := currentUser(c)
	id := c.Param("id")
	if _, err := h.Store.CancelMeetup(c.Request().Context(), u.TeamID, u.ID, id, c.FormValue("reason"), h.meetupBroadcaster()); err != nil {
		return err
	}
	h.flash(c, "cancel.done")
	return redirect(c, "/meetups/"+id)
}
