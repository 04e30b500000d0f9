package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// inviteProgress is how a meetup's invitation mails stand, as the pages refresh it.
type inviteProgress struct {
	Queued int `json:"queued"`
	Sent   int `json:"sent"`
	Failed int `json:"failed"`
	Held   int `json:"held"`
}

// InviteProgress answers the meetup's invitation counts by status as JSON, for the live counter.
func (h *Handlers) InviteProgress(c echo.Context) error {
	ctx, team := c.Request().Context(), currentUser(c).TeamID
	m, err := h.Store.GetMeetup(ctx, team, c.Param("id"))
	if err != nil {
		return err
	}
	n, err := h.Store.InviteOutboxCounts(ctx, team, m.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, inviteProgress{Queued: n["queued"], Sent: n["sent"], Failed: n["failed"], Held: n["held"]})
}
