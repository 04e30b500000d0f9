package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// seriesInput is the JSON of a new series.
type seriesInput struct {
	Name    string `json:"name"`
	Cadence string `json:"cadence"`
}

// seriesView is a series with its meetups and, when read back, its trend.
type seriesView struct {
	models.Series
	Meetups []models.SeriesMeetup `json:"meetups"`
	Trend   *models.Trend         `json:"trend,omitempty"`
}

// APICreateSeries creates a recurring series.
func (h *Handlers) APICreateSeries(c echo.Context) error {
	var in seriesInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u := currentUser(c)
	sr, err := h.Store.CreateSeriesBy(c.Request().Context(), u.TeamID, u.ID, models.Series{Name: in.Name, Cadence: in.Cadence})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, seriesView{Series: sr, Meetups: []models.SeriesMeetup{}})
}

// APIGetSeries returns a series, its meetups and its trend (attendance, repeat attendees, new
// faces and ratings per past meetup, and whether it is fading).
func (h *Handlers) APIGetSeries(c echo.Context) error {
	teamID, ctx := currentUser(c).TeamID, c.Request().Context()
	sr, err := h.Store.GetSeries(ctx, teamID, c.Param("id"))
	if err != nil {
		return err
	}
	ms, err := h.Store.SeriesMeetups(ctx, teamID, sr.ID)
	if err != nil {
		return err
	}
	tr, err := h.Store.SeriesTrend(ctx, teamID, sr.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, seriesView{Series: sr, Meetups: ms, Trend: &tr})
}

// APIListSeries lists the team's series by name.
func (h *Handlers) APIListSeries(c echo.Context) error {
	list, err := h.Store.ListSeries(c.Request().Context(), currentUser(c).TeamID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"items": list, "next_cursor": ""})
}
