package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// APIUpdateMeetup changes a meetup's descriptive fields (not its time: scheduling does that).
func (h *Handlers) APIUpdateMeetup(c echo.Context) error {
	var mp models.MeetupPatch
	if err := bindJSON(c, &mp); err != nil {
		return err
	}
	u := currentUser(c)
	m, err := h.Store.UpdateMeetup(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), mp)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, m)
}

// topicInput is the JSON of a chosen topic.
type topicInput struct {
	Topic string `json:"topic" form:"topic"`
}

// APISetTopic sets the meetup's topic directly (with or without a survey) and moves it to speaker search.
func (h *Handlers) APISetTopic(c echo.Context) error {
	var in topicInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u := currentUser(c)
	m, err := h.Store.SetTopic(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), in.Topic)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, m)
}
