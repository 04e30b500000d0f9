package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// topicIdeaInput is the body of POST /api/v1/topic-ideas.
type topicIdeaInput struct {
	Title string `json:"title"`
}

// APIListTopicIdeas returns the team's topic backlog, newest first.
func (h *Handlers) APIListTopicIdeas(c echo.Context) error {
	items, err := h.Store.ListTopicIdeas(c.Request().Context(), currentUser(c).TeamID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listResponse[models.TopicIdea]{Items: items})
}

// APIAddTopicIdea adds an idea to the backlog (the same text twice is one idea).
func (h *Handlers) APIAddTopicIdea(c echo.Context) error {
	var in topicIdeaInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	ti, err := h.Store.AddTopicIdea(c.Request().Context(), currentUser(c).TeamID, in.Title, models.IdeaFromOrganiser, nil)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, ti)
}

// APIDeleteTopicIdea removes an idea from the backlog.
func (h *Handlers) APIDeleteTopicIdea(c echo.Context) error {
	if err := h.Store.DeleteTopicIdea(c.Request().Context(), currentUser(c).TeamID, c.Param("id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
