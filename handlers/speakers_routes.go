package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// speakerRoutes adds steps 3–5: the speaker directory, suggestions, slots, outreach, scoring and
// the lineup (UI and API), and the speakers' /o/ and /c/ link pages. Middleware is set per route,
// the same stacks as the groups of routes.go, so the groups' catch-all routes stay as they are.
func (h *Handlers) speakerRoutes(e *echo.Echo) {
	h.speakerAPIRoutes(e, echo.WrapMiddleware(h.Sessions.LoadAndSave), h.requireAPIUser)
	h.speakerUIRoutes(e, echo.WrapMiddleware(h.Sessions.LoadAndSave), noStore, h.requireCSRF, h.requireLogin)
	link := []echo.MiddlewareFunc{linkPageHeaders, sameOriginPost}
	getHead := []string{http.MethodGet, http.MethodHead}
	e.Match(getHead, "/o/:token", h.OutreachReplyPage, link...)
	e.POST("/o/:token", h.OutreachReply, link...)
	e.Match(getHead, "/c/:token", h.ConfirmPage, link...)
	e.POST("/c/:token", h.ConfirmAnswer, link...)
}

// speakerAPIRoutes is the JSON API of steps 3–5.
func (h *Handlers) speakerAPIRoutes(e *echo.Echo, m ...echo.MiddlewareFunc) {
	e.GET("/api/v1/speakers", h.APIListSpeakers, m...)
	e.POST("/api/v1/speakers", h.APICreateSpeaker, m...)
	e.GET("/api/v1/speakers/:id", h.APIGetSpeaker, m...)
	e.PATCH("/api/v1/speakers/:id", h.APIUpdateSpeaker, m...)
	mt := "/api/v1/meetups/:id"
	e.GET(mt+"/speaker-suggestions", h.APISpeakerSuggestions, m...)
	e.PUT(mt+"/speaker-settings", h.APISpeakerSettings, m...)
	e.GET(mt+"/slots", h.APIListSlots, m...)
	e.POST(mt+"/slots", h.APIAddSlot, m...)
	e.DELETE(mt+"/slots/:sid", h.APIDeleteSlot, m...)
	e.GET(mt+"/candidates", h.APIListCandidates, m...)
	e.POST(mt+"/candidates", h.APIAddCandidate, m...)
	e.GET(mt+"/candidates/:cid", h.APIGetCandidate, m...)
	e.PATCH(mt+"/candidates/:cid", h.APIScoreCandidate, m...)
	e.GET(mt+"/outreach/draft", h.APIOutreachDraft, m...)
	e.POST(mt+"/outreach", h.APISendOutreach, m...)
	e.GET(mt+"/lineup", h.APIGetLineup, m...)
	e.POST(mt+"/lineup", h.APISetLineup, m...)
}

// speakerUIRoutes is the organiser's pages of steps 3–5.
func (h *Handlers) speakerUIRoutes(e *echo.Echo, m ...echo.MiddlewareFunc) {
	e.GET("/speakers", h.SpeakersPage, m...)
	e.POST("/speakers", h.CreateSpeaker, m...)
	e.GET("/speakers/:id", h.EditSpeakerPage, m...)
	e.POST("/speakers/:id", h.UpdateSpeaker, m...)
	mt := "/meetups/:id/speakers"
	e.GET(mt, h.MeetupSpeakersPage, m...)
	e.POST(mt+"/candidates", h.AddCandidateForm, m...)
	e.POST(mt+"/slots", h.AddSlotForm, m...)
	e.POST(mt+"/slots/:sid/delete", h.DeleteSlotForm, m...)
	e.POST(mt+"/settings", h.SpeakerSettingsForm, m...)
	e.POST(mt+"/outreach", h.SendOutreachForm, m...)
	e.GET(mt+"/compare", h.ComparePage, m...)
	e.POST(mt+"/candidates/:cid/scores", h.ScoreForm, m...)
	e.POST(mt+"/lineup", h.LineupForm, m...)
}

// sameOriginPost refuses a cross-site POST to a link page (the token in the URL is the only credential).
func sameOriginPost(next echo.HandlerFunc) echo.HandlerFunc {
	cop := http.NewCrossOriginProtection()
	return func(c echo.Context) error {
		if err := cop.Check(c.Request()); err != nil {
			return echo.NewHTTPError(http.StatusForbidden, "cross_origin")
		}
		return next(c)
	}
}
