package handlers

import (
	"errors"
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// SurveyChooseTopic picks the meetup's topic from the results (a topic or a proposal),
// telling the survey's invitees by mail when the box is ticked.
func (h *Handlers) SurveyChooseTopic(c echo.Context) error {
	u := currentUser(c)
	tc := models.TopicChoice{Topic: c.FormValue("topic"), Notify: c.FormValue("notify") != ""}
	if tc.Topic == "" {
		tc.Topic = c.FormValue("other")
	}
	m, err := h.Store.ChooseTopic(c.Request().Context(), h.Links, u.TeamID, u.ID, c.Param("id"), tc, h.surveyMail)
	var ve *models.ValidationError
	if errors.As(err, &ve) {
		return echo.NewHTTPError(http.StatusUnprocessableEntity, "topic_required")
	}
	if err != nil {
		return surveyErr(err)
	}
	h.flash(c, "survey.flash.topic_chosen")
	return redirect(c, "/meetups/"+m.ID)
}

// SurveySaveProposal keeps a proposal from the results in the team's topic backlog.
func (h *Handlers) SurveySaveProposal(c echo.Context) error {
	u := currentUser(c)
	ctx := c.Request().Context()
	m, err := h.Store.GetMeetup(ctx, u.TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	if _, err := h.Store.AddTopicIdea(ctx, u.TeamID, c.FormValue("topic"), models.IdeaFromSurvey, &m.ID); err != nil {
		return err
	}
	return h.backToSurvey(c, "survey.flash.idea_saved", 1)
}
