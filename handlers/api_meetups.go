package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// listResponse is the API.md list shape.
type listResponse[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// APIListMeetups returns the team's meetups, newest first.
func (h *Handlers) APIListMeetups(c echo.Context) error {
	pg, err := pageParams(c)
	if err != nil {
		return err
	}
	items, next, err := h.Store.ListMeetups(c.Request().Context(), currentUser(c).TeamID, pg)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listResponse[models.Meetup]{Items: items, NextCursor: next})
}

// APIGetMeetup returns one meetup of the team.
func (h *Handlers) APIGetMeetup(c echo.Context) error {
	m, err := h.Store.GetMeetup(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, m)
}

// APICreateMeetup creates a meetup in the audience stage.
func (h *Handlers) APICreateMeetup(c echo.Context) error {
	var nm models.NewMeetup
	if err := bindJSON(c, &nm); err != nil {
		return err
	}
	u := currentUser(c)
	m, err := h.Store.CreateMeetup(c.Request().Context(), u.TeamID, u.ID, nm)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, m)
}
