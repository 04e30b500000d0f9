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

// seriesView is a series with its meetups.
type seriesView struct {
	models.Series
	Meetups []models.SeriesMeetup `json:"meetups"`
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

// APIGetSeries returns a series and its meetups (the trend report comes with step 6).
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
	return c.JSON(http.StatusOK, seriesView{Series: sr, Meetups: ms})
}
