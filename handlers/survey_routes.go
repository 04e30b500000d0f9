package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// surveyRoutes adds step 2, the topic survey: the public /s/ page, the organiser's pages and the API.
func (h *Handlers) surveyRoutes(e *echo.Echo) {
	link := h.linkRoutes(e)
	link.Match([]string{http.MethodGet, http.MethodHead}, "/s/:token", h.SurveyLinkPage)
	link.POST("/s/:token", h.SurveyLinkAnswer)

	ui := e.Group("/meetups/:id/survey", h.organiserUI()...)
	ui.GET("", h.SurveyPage)
	ui.GET("/edit", h.SurveyEditPage)
	ui.POST("/edit", h.SurveyEdit)
	ui.POST("/send", h.SurveySend)
	ui.POST("/remind", h.SurveyRemind)
	ui.POST("/close", h.SurveyClose)
	ui.POST("/topic", h.SurveyChooseTopic)
	ui.POST("/backlog", h.SurveySaveProposal)

	ideas := e.Group("/topics", h.organiserUI()...)
	ideas.GET("", h.TopicIdeasPage)
	ideas.POST("", h.TopicIdeaAdd)
	ideas.POST("/:tid/delete", h.TopicIdeaDelete)

	api := e.Group("/api/v1", echo.WrapMiddleware(h.Sessions.LoadAndSave), h.requireAPIUser)
	api.GET("/meetups/:id/survey", h.APIGetSurvey)
	api.PUT("/meetups/:id/survey", h.APIDefineSurvey)
	api.POST("/meetups/:id/survey/send", h.APISendSurvey)
	api.POST("/meetups/:id/survey/remind", h.APIRemindSurvey)
	api.GET("/meetups/:id/survey/results", h.APISurveyResults)
	api.POST("/meetups/:id/survey/close", h.APICloseSurvey)
	api.PUT("/meetups/:id/topic", h.APIChooseTopic)
	api.GET("/topic-ideas", h.APIListTopicIdeas)
	api.POST("/topic-ideas", h.APIAddTopicIdea)
	api.DELETE("/topic-ideas/:id", h.APIDeleteTopicIdea)
}

// organiserUI is the middleware of the organiser's pages (as in uiRoutes): session, no caching,
// CSRF, login.
func (h *Handlers) organiserUI() []echo.MiddlewareFunc {
	return []echo.MiddlewareFunc{echo.WrapMiddleware(h.Sessions.LoadAndSave), noStore, h.requireCSRF, h.requireLogin}
}
