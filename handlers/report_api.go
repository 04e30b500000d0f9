package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// APIMeetupReport returns a meetup's report: funnel (with rates), ratings, NPS, impact, comments
// and suggested topics.
func (h *Handlers) APIMeetupReport(c echo.Context) error {
	r, err := h.Store.MeetupReport(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}
