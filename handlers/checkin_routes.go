package handlers

import "github.com/labstack/echo/v4"

// checkinRoutes adds step 6's door work and the personal-data tools: the check-in page and
// API, the feedback export, the person's data export and the audit log. Each route carries
// its family's middleware (routes.go) itself, as rsvpRoutes does.
func (h *Handlers) checkinRoutes(e *echo.Echo) {
	ui := []echo.MiddlewareFunc{echo.WrapMiddleware(h.Sessions.LoadAndSave), noStore, h.requireCSRF, h.requireLogin}
	e.GET("/meetups/:id/checkin", h.CheckinPage, ui...)
	e.POST("/meetups/:id/checkin/walk-in", h.CheckinWalkIn, ui...)
	e.POST("/meetups/:id/checkin/:person", h.CheckinTick, ui...)
	e.GET("/meetups/:id/feedback.csv", h.FeedbackCSV, ui...)
	e.GET("/people/:id/export", h.PersonExport, ui...)
	e.GET("/audit", h.AuditPage, ui...)

	api := []echo.MiddlewareFunc{echo.WrapMiddleware(h.Sessions.LoadAndSave), h.requireAPIUser}
	e.POST("/api/v1/meetups/:id/attendance", h.APIAttendance, api...)
	e.DELETE("/api/v1/meetups/:id/attendance", h.APIAttendanceUndo, api...)
	e.GET("/api/v1/meetups/:id/feedback.csv", h.FeedbackCSV, api...)
	e.GET("/api/v1/people/:id/export", h.PersonExport, api...)
	e.GET("/api/v1/audit", h.APIAudit, api...)
}
