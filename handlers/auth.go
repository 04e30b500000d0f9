package handlers

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

const userKey = "user"

// currentUser is the logged-in organiser of this request, or nil.
func currentUser(c echo.Context) *models.User {
	u, _ := c.Get(userKey).(*models.User)
	return u
}

// sessionUser loads the user whose id the session holds, or nil.
func (h *Handlers) sessionUser(c echo.Context) (*models.User, error) {
	id := h.Sessions.GetString(c.Request().Context(), "user_id")
	if id == "" {
		return nil, nil
	}
	u, err := h.Store.UserByID(c.Request().Context(), id)
	if errors.Is(err, models.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// requireLogin sends visitors without a session to the login page, keeping where they were going.
func (h *Handlers) requireLogin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u, err := h.sessionUser(c)
		if err != nil {
			return err
		}
		if u == nil {
			to := "/login"
			if r := c.Request(); r.Method == http.MethodGet && r.URL.Path != "/" {
				to += "?next=" + url.QueryEscape(r.URL.RequestURI())
			}
			return redirect(c, to)
		}
		c.Set(userKey, u)
		return next(c)
	}
}

// requireAPIUser authenticates an API call by bearer token, or by the UI session plus its CSRF token.
func (h *Handlers) requireAPIUser(next echo.HandlerFunc) echo.HandlerFunc {
	csrfNext := h.requireCSRF(next)
	return func(c echo.Context) error {
		if auth := c.Request().Header.Get("Authorization"); auth != "" {
			return h.bearerUser(c, auth, next)
		}
		u, err := h.sessionUser(c)
		if err != nil {
			return err
		}
		if u == nil {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		c.Set(userKey, u)
		return csrfNext(c)
	}
}

// bearerUser checks an "Authorization: Bearer" API token; the scheme is case-insensitive (RFC 9110).
func (h *Handlers) bearerUser(c echo.Context, auth string, next echo.HandlerFunc) error {
	scheme, token, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return echo.NewHTTPError(http.StatusUnauthorized)
	}
	u, err := h.Store.UserByAPIToken(c.Request().Context(), strings.TrimSpace(token))
	if errors.Is(err, models.ErrNotFound) {
		return echo.NewHTTPError(http.StatusUnauthorized)
	}
	if err != nil {
		return err
	}
	c.Set(userKey, &u)
	return next(c)
}
