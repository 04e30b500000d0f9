package handlers

import (
	"errors"
	"net/http"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// Guessing personal links: unknown tokens allowed per client address within the window.
const (
	linkMissWindow = 10 * time.Minute
	linkMissLimit  = 30
)

// resolveLink checks the route's :token for purpose. Every failure is the same 404,
// and a client that keeps guessing gets 429.
func (h *Handlers) resolveLink(c echo.Context, purpose string) (models.Link, error) {
	l, err := h.Links.Resolve(c.Request().Context(), h.Store.DB, c.Param("token"), purpose)
	if errors.Is(err, models.ErrNotFound) {
		return l, h.linkMiss(c)
	}
	return l, err
}

// linkMiss records an unknown token from this client and answers 404, or 429 past the limit.
func (h *Handlers) linkMiss(c echo.Context) error {
	ctx := c.Request().Context()
	key := "link:" + c.RealIP()
	if err := h.Store.RecordFailure(ctx, key); err != nil {
		return err
	}
	n, err := h.Store.RecentFailures(ctx, key, linkMissWindow)
	if err != nil {
		return err
	}
	if n > linkMissLimit {
		return echo.NewHTTPError(http.StatusTooManyRequests)
	}
	return models.ErrNotFound
}
