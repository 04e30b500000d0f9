package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// SeriesListPage lists the team's series with a form to create one.
func (h *Handlers) SeriesListPage(c echo.Context) error {
	return h.renderSeriesList(c, http.StatusOK, models.Series{}, nil)
}

// SeriesCreateForm creates a series from the list page's form; invalid input comes back with 422.
func (h *Handlers) SeriesCreateForm(c echo.Context) error {
	var f models.Series
	if err := bindForm(c, &f); err != nil {
		return err
	}
	u := currentUser(c)
	sr, err := h.Store.CreateSeriesBy(c.Request().Context(), u.TeamID, u.ID, models.Series{Name: f.Name, Cadence: f.Cadence})
	if fe := fieldErrors(err); fe != nil {
		return h.renderSeriesList(c, http.StatusUnprocessableEntity, f, fe)
	}
	if err != nil {
		return err
	}
	h.flash(c, "series.created")
	return redirect(c, "/series/"+sr.ID)
}

// renderSeriesList renders the list of series and the create form.
func (h *Handlers) renderSeriesList(c echo.Context, status int, f models.Series, fe models.FieldErrors) error {
	list, err := h.Store.ListSeries(c.Request().Context(), currentUser(c).TeamID)
	if err != nil {
		return err
	}
	p := h.newPage(c, "series.list_title", "reports")
	p.Form, p.Errors = f, fe
	p.Data = map[string]any{"Series": list}
	return h.render(c, status, "series_list", p)
}

// SeriesPage shows a series' trend: attendance, repeat attendees, new faces and ratings per
// meetup, and a warning when the series is fading.
func (h *Handlers) SeriesPage(c echo.Context) error {
	u, ctx := currentUser(c), c.Request().Context()
	sr, err := h.Store.GetSeries(ctx, u.TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	tr, err := h.Store.SeriesTrend(ctx, u.TeamID, sr.ID)
	if err != nil {
		return err
	}
	ms, err := h.Store.SeriesMeetups(ctx, u.TeamID, sr.ID)
	if err != nil {
		return err
	}
	p := h.newPage(c, "series.title", "reports")
	p.Title = sr.Name
	p.Data = map[string]any{"Series": sr, "Trend": tr, "Meetups": ms, "Rows": trendRows(p.Translator, tr),
		"Charts": newTrendCharts(p.Translator, tr)}
	return h.render(c, http.StatusOK, "series", p)
}
