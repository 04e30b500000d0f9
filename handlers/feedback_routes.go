package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// feedbackRoutes adds the feedback form of step 6: the public /f/ page, the organiser's page and
// buttons, and the API. Middleware is set per route, the same stacks as the groups of routes.go.
func (h *Handlers) feedbackRoutes(e *echo.Echo) {
	link := []echo.MiddlewareFunc{linkPageHeaders, sameOriginPost}
	e.Match([]string{http.MethodGet, http.MethodHead}, "/f/:token", h.FeedbackLinkPage, link...)
	e.POST("/f/:token", h.FeedbackLinkAnswer, link...)

	ui := h.organiserUI()
	e.GET("/meetups/:id/feedback", h.FeedbackPage, ui...)
	e.POST("/meetups/:id/feedback/send", h.FeedbackSendForm, ui...)
	e.POST("/meetups/:id/feedback/:person/flag", h.FeedbackFlagForm, ui...)

	api := []echo.MiddlewareFunc{echo.WrapMiddleware(h.Sessions.LoadAndSave), h.requireAPIUser}
	e.GET("/api/v1/meetups/:id/feedback", h.APIFeedbackStatus, api...)
	e.POST("/api/v1/meetups/:id/feedback/send", h.APISendFeedback, api...)
	e.POST("/api/v1/meetups/:id/feedback/:person/flag", h.APIFlagFeedback, api...)
}
