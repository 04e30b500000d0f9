package handlers

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// NewServer builds the Echo instance with Convene's one route table.
func (h *Handlers) NewServer() *echo.Echo {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = h.HandleError
	h.Sessions.ErrorFunc = h.sessionFailed(e)
	e.IPExtractor = ipExtractor(h.Cfg.TrustedProxies)
	e.Server.ReadHeaderTimeout = 10 * time.Second
	e.Server.ReadTimeout = 60 * time.Second
	e.Server.WriteTimeout = 60 * time.Second
	e.Server.IdleTimeout = 120 * time.Second

	e.Use(middleware.RequestID(), h.logRequests, middleware.Recover(), securityHeaders)
	e.Use(h.bodyLimits())

	e.GET("/healthz", h.Healthz)
	e.GET("/readyz", h.Readyz)
	e.GET("/metrics", h.Metrics.Handler())
	e.GET("/static/*", h.Static)

	ui := h.uiRoutes(e)
	h.linkRoutes(e)
	api := h.apiRoutes(e)
	h.directoryRoutes(ui, api)
	h.surveyRoutes(e)
	h.speakerRoutes(e)
	h.rsvpRoutes(e)
	h.feedbackRoutes(e)
	h.checkinRoutes(e)
	h.celebrationRoutes(e)
	return e
}

// uiRoutes is the organiser UI: session, CSRF, login required past the login page.
// It returns the logged-in group for the other steps' routes.
func (h *Handlers) uiRoutes(e *echo.Echo) *echo.Group {
	ui := e.Group("", echo.WrapMiddleware(h.Sessions.LoadAndSave), noStore, h.requireCSRF)
	ui.GET("/login", h.LoginPage)
	ui.POST("/login", h.Login)
	ui.POST("/logout", h.Logout)
	ui.POST("/lang", h.SetLanguage)

	in := ui.Group("", h.requireLogin)
	in.GET("/", h.Dashboard)
	in.GET("/meetups/:id", h.MeetupPage)
	in.GET("/reports", h.ReportsPage)
	h.outboxRoutes(in)
	return in
}

// linkRoutes is the public personal-link pages: no session, no cookies, no referrer.
func (h *Handlers) linkRoutes(e *echo.Echo) *echo.Group {
	return e.Group("", linkPageHeaders)
}

// apiRoutes is the JSON API under /api/v1; it returns the group for the other steps' routes.
func (h *Handlers) apiRoutes(e *echo.Echo) *echo.Group {
	api := e.Group("/api/v1", echo.WrapMiddleware(h.Sessions.LoadAndSave), h.requireAPIUser)
	api.GET("/meetups", h.APIListMeetups)
	api.POST("/meetups", h.APICreateMeetup)
	api.GET("/meetups/:id", h.APIGetMeetup)
	h.outboxAPIRoutes(api)
	api.Any("/*", apiNoRoute(e))
	return api
}

// ipExtractor trusts X-Forwarded-For only from the configured proxies.
func ipExtractor(trusted []string) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, cidr := range trusted {
		if _, n, err := parseCIDR(cidr); err == nil {
			opts = append(opts, echo.TrustIPRange(n))
		}
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// apiMethods are the methods the API's routes use.
var apiMethods = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

// apiNoRoute answers an API call no route took: 405 with Allow when the path has routes for other
// methods, 404 otherwise.
func apiNoRoute(e *echo.Echo) echo.HandlerFunc {
	return func(c echo.Context) error {
		var allow []string
		for _, m := range apiMethods {
			probe := e.NewContext(c.Request(), nil)
			e.Router().Find(m, echo.GetPath(c.Request()), probe)
			if p := probe.Path(); p != "" && p != c.Path() {
				allow = append(allow, m)
			}
		}
		if len(allow) == 0 {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		c.Response().Header().Set("Allow", strings.Join(allow, ", "))
		return echo.NewHTTPError(http.StatusMethodNotAllowed)
	}
}
