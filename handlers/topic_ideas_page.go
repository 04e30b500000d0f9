package handlers

import (
	"errors"
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// TopicIdeasPage shows the team's topic backlog with a form to add an idea.
func (h *Handlers) TopicIdeasPage(c echo.Context) error {
	return h.renderTopicIdeas(c, http.StatusOK, "", nil)
}

// TopicIdeaAdd adds an idea to the backlog; a bad one re-renders the form with 422.
func (h *Handlers) TopicIdeaAdd(c echo.Context) error {
	title := c.FormValue("title")
	_, err := h.Store.AddTopicIdea(c.Request().Context(), currentUser(c).TeamID, title, models.IdeaFromOrganiser, nil)
	var ve *models.ValidationError
	if errors.As(err, &ve) {
		return h.renderTopicIdeas(c, http.StatusUnprocessableEntity, readable(title), ve.Fields)
	}
	if err != nil {
		return err
	}
	h.flash(c, "topics.flash.added")
	return redirect(c, "/topics")
}

// TopicIdeaDelete removes an idea from the backlog.
func (h *Handlers) TopicIdeaDelete(c echo.Context) error {
	if err := h.Store.DeleteTopicIdea(c.Request().Context(), currentUser(c).TeamID, c.Param("tid")); err != nil {
		return err
	}
	h.flash(c, "topics.flash.deleted")
	return redirect(c, "/topics")
}

// renderTopicIdeas renders the backlog page, keeping a refused title in the form.
func (h *Handlers) renderTopicIdeas(c echo.Context, status int, title string, fe models.FieldErrors) error {
	ideas, err := h.Store.ListTopicIdeas(c.Request().Context(), currentUser(c).TeamID)
	if err != nil {
		return err
	}
	p := h.newPage(c, "topics.title", "meetups")
	p.Form, p.Errors, p.Data = map[string]string{"Title": title}, fe, ideas
	return h.render(c, status, "topics", p)
}
