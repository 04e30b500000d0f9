package handlers

import (
	"errors"
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// SurveySend mails the survey to those not mailed yet (the organiser's button).
func (h *Handlers) SurveySend(c echo.Context) error {
	u := currentUser(c)
	n, err := h.Store.SendSurvey(c.Request().Context(), h.Links, u.TeamID, u.ID, c.Param("id"), h.surveyMail)
	if err != nil {
		return surveyErr(err)
	}
	return h.backToSurvey(c, "survey.flash.sent", n)
}

// SurveyRemind reminds those who have not answered.
func (h *Handlers) SurveyRemind(c echo.Context) error {
	u := currentUser(c)
	n, err := h.Store.RemindSurvey(c.Request().Context(), h.Links, u.TeamID, u.ID, c.Param("id"), surveyReminderGap, h.surveyMail)
	if err != nil {
		return surveyErr(err)
	}
	return h.backToSurvey(c, "survey.flash.reminded", n)
}

// SurveyClose closes the survey by hand.
func (h *Handlers) SurveyClose(c echo.Context) error {
	u := currentUser(c)
	if _, err := h.Store.CloseSurvey(c.Request().Context(), u.TeamID, u.ID, c.Param("id")); err != nil {
		return err
	}
	return h.backToSurvey(c, "survey.flash.closed", 1)
}

// backToSurvey redirects to the survey page with a flash message; msg+"_none" when nobody was mailed.
func (h *Handlers) backToSurvey(c echo.Context, msg string, n int) error {
	if n == 0 {
		msg += "_none"
	}
	h.flash(c, msg)
	return redirect(c, "/meetups/"+c.Param("id")+"/survey")
}

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
		if ve.Fields["topic"] == "required" {
			ve.Fields["topic"] = "topic_required"
		}
		return h.renderSurveyPage(c, http.StatusUnprocessableEntity, readable(c.FormValue("other")), ve.Fields)
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
