package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// rsvpRoutes adds step 5: scheduling, the RSVP link pages, calendar files and the organiser's
// attendee views. Each route carries the middleware of its family (routes.go) itself, so no
// group's catch-all changes how unknown paths are answered.
func (h *Handlers) rsvpRoutes(e *echo.Echo) {
	link := []echo.MiddlewareFunc{linkPageHeaders}
	e.Match([]string{http.MethodGet, http.MethodHead}, "/r/:token", h.RSVPPage, link...)
	e.POST("/r/:token", h.RSVPAnswer, link...)
	e.Match([]string{http.MethodGet, http.MethodHead}, "/r/:token/invite.ics", h.InviteICS, link...)
	e.Match([]string{http.MethodGet, http.MethodHead}, "/cal/:token", h.CalendarFeed, link...)

	ui := []echo.MiddlewareFunc{echo.WrapMiddleware(h.Sessions.LoadAndSave), noStore, h.requireCSRF, h.requireLogin}
	e.GET("/meetups/:id/schedule", h.SchedulePage, ui...)
	e.POST("/meetups/:id/schedule", h.ScheduleForm, ui...)
	e.GET("/meetups/:id/attendees", h.AttendeesPage, ui...)
	e.GET("/meetups/:id/invitations/progress", h.InviteProgress, ui...)
	e.POST("/meetups/:id/cancel", h.CancelForm, ui...)
	e.POST("/meetups/:id/invitations/send", h.SendInvitationsForm, ui...)

	api := []echo.MiddlewareFunc{echo.WrapMiddleware(h.Sessions.LoadAndSave), h.requireAPIUser}
	e.POST("/api/v1/meetups/:id/schedule", h.APISchedule, api...)
	e.GET("/api/v1/meetups/:id/attendees", h.APIAttendees, api...)
	e.GET("/api/v1/meetups/:id/attendees.csv", h.APIAttendeesCSV, api...)
	e.GET("/api/v1/meetups/:id/rsvp-summary", h.APIRSVPSummary, api...)
	e.POST("/api/v1/meetups/:id/cancel", h.APICancelMeetup, api...)
	e.POST("/api/v1/meetups/:id/invitations/send", h.APISendInvitations, api...)
}
