package handlers

import (
	"errors"
	"time"

	"github.com/labstack/echo/v4"
)

// logRequests logs each request once, by route pattern, never the raw URL (it may hold a token),
// and records its latency.
func (h *Handlers) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		status := c.Response().Status
		if err != nil {
			status = classify(err).status
			if he := new(echo.HTTPError); errors.As(err, &he) {
				status = he.Code
			}
		}
		if h.Metrics != nil {
			h.Metrics.observe(c, start, status)
		}
		h.Log.Info("request",
			"request_id", c.Response().Header().Get(echo.HeaderXRequestID),
			"method", c.Request().Method,
			"route", c.Path(),
			"status", status,
			"duration_ms", time.Since(start).Milliseconds(),
			"remote_ip", c.RealIP(),
		)
		return err
	}
}

// securityHeaders sets the headers every response carries.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		hd := c.Response().Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		return next(c)
	}
}

// linkPageHeaders marks personal-link pages: no referrer leaks the token, nothing is cached.
func linkPageHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		hd := c.Response().Header()
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cache-Control", "no-store")
		hd.Set("X-Robots-Tag", "noindex, nofollow")
		return next(c)
	}
}

// noStore keeps organiser pages out of shared caches.
func noStore(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "no-store")
		return next(c)
	}
}
