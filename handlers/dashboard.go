package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// stageOrder is the pipeline shown on the dashboard and meetup page.
var stageOrder = models.Stages

// Dashboard lists the team's meetups with their stage.
func (h *Handlers) Dashboard(c echo.Context) error {
	u := currentUser(c)
	items, next, err := h.Store.ListMeetups(c.Request().Context(), u.TeamID, models.Page{Cursor: c.QueryParam("cursor")})
	if err != nil {
		return err
	}
	p := h.newPage(c, "dashboard.title", "meetups")
	p.Data = map[string]any{"Meetups": items, "Next": next, "Stages": stageOrder}
	return h.render(c, http.StatusOK, "dashboard", p)
}
