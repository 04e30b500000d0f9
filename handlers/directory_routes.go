package handlers

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// importBodyLimit is the body limit of the directory upload routes; every other route keeps the global one.
const importBodyLimit = "32M"

// largeBodyRoutes are the route paths allowed importBodyLimit.
var largeBodyRoutes = map[string]bool{"/api/v1/people/import": true, "/people/import": true}

// bodyLimits limits request bodies: importBodyLimit on the upload routes, the configured limit elsewhere.
// It runs after routing, before any group middleware reads a form.
func (h *Handlers) bodyLimits() echo.MiddlewareFunc {
	normal, large := middleware.BodyLimit(h.Cfg.BodyLimit), middleware.BodyLimit(importBodyLimit)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		n, l := normal(next), large(next)
		return func(c echo.Context) error {
			if largeBodyRoutes[c.Path()] {
				return l(c)
			}
			return n(c)
		}
	}
}

// directoryRoutes adds step 1 (the directory and audiences), series and the meetup forms.
func (h *Handlers) directoryRoutes(ui, api *echo.Group) {
	api.POST("/people/import", h.APIImportPeople)
	api.GET("/people", h.APIListPeople)
	api.POST("/people", h.APICreatePerson)
	api.GET("/people/:id", h.APIGetPerson)
	api.PATCH("/people/:id", h.APIUpdatePerson)
	api.DELETE("/people/:id", h.APIErasePerson)
	api.GET("/audiences", h.APIListAudiences)
	api.POST("/audiences", h.APICreateAudience)
	api.GET("/audiences/:id", h.APIGetAudience)
	api.PUT("/audiences/:id", h.APIUpdateAudience)
	api.GET("/audiences/:id/members", h.APIAudienceMembers)
	api.POST("/series", h.APICreateSeries)
	api.GET("/series/:id", h.APIGetSeries)
	api.PATCH("/meetups/:id", h.APIUpdateMeetup)
	h.directoryPages(ui)
	h.meetupPages(ui)
}

// directoryPages adds the people and audience pages.
func (h *Handlers) directoryPages(ui *echo.Group) {
	ui.GET("/people", h.PeoplePage)
	ui.GET("/people/import", h.ImportPage)
	ui.POST("/people/import", h.ImportUpload)
	ui.GET("/people/:id", h.PersonPage)
	ui.POST("/people/:id", h.PersonUpdate)
	ui.GET("/people/:id/delete", h.PersonDeleteConfirm)
	ui.POST("/people/:id/delete", h.PersonErase)
	ui.GET("/audiences", h.AudiencesPage)
	ui.GET("/audiences/new", h.AudienceNew)
	ui.POST("/audiences", h.AudienceCreate)
	ui.GET("/audiences/preview", h.AudiencePreview)
	ui.GET("/audiences/:id", h.AudiencePage)
	ui.GET("/audiences/:id/edit", h.AudienceEdit)
	ui.POST("/audiences/:id", h.AudienceUpdate)
}

// meetupPages adds the meetup forms; the meetup page itself is in uiRoutes.
func (h *Handlers) meetupPages(ui *echo.Group) {
	ui.GET("/meetups/new", h.MeetupNew)
	ui.POST("/meetups", h.MeetupCreate)
	ui.GET("/meetups/:id/edit", h.MeetupEdit)
	ui.POST("/meetups/:id", h.MeetupUpdate)
	ui.POST("/meetups/:id/topic", h.MeetupSetTopic)
}
