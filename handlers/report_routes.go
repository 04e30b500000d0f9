package handlers

import "github.com/labstack/echo/v4"

// celebrationRoutes adds step 6's organiser side: the meetup report, the celebration and the
// series pages (UI and API). Middleware is set per route, as in rsvpRoutes.
func (h *Handlers) celebrationRoutes(e *echo.Echo) {
	ui := h.organiserUI()
	e.GET("/meetups/:id/report", h.ReportPage, ui...)
	e.GET("/meetups/:id/celebrate", h.CelebratePage, ui...)
	e.POST("/meetups/:id/celebrate", h.CelebrateForm, ui...)
	e.GET("/series", h.SeriesListPage, ui...)
	e.POST("/series", h.SeriesCreateForm, ui...)
	e.GET("/series/:id", h.SeriesPage, ui...)

	api := []echo.MiddlewareFunc{echo.WrapMiddleware(h.Sessions.LoadAndSave), h.requireAPIUser}
	e.GET("/api/v1/meetups/:id/report", h.APIMeetupReport, api...)
	e.POST("/api/v1/meetups/:id/celebrate", h.APICelebrate, api...)
	e.GET("/api/v1/series", h.APIListSeries, api...)
}
