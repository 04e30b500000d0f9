package handlers

import (
	"errors"
	"maps"
	"net/http"
	"strings"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// surveyEditData is the survey form page: the meetup, the form and the backlog to pick from.
type surveyEditData struct {
	Meetup models.Meetup
	Ideas  []models.TopicIdea
	Exists bool
}

// SurveyEditPage shows the survey form, filled from the stored survey or with defaults.
func (h *Handlers) SurveyEditPage(c echo.Context) error {
	ctx, team := c.Request().Context(), currentUser(c).TeamID
	m, err := h.Store.GetMeetup(ctx, team, c.Param("id"))
	if err != nil {
		return err
	}
	sv, err := h.Store.GetSurvey(ctx, team, m.ID)
	exists := err == nil
	if err != nil && !errors.Is(err, models.ErrNotFound) {
		return err
	}
	p := h.newPage(c, "survey.edit.title", "meetups")
	f := newSurveyForm(p.T("survey.default_question"), m.Timezone, time.Now())
	if exists {
		f = surveyFormOf(sv, m.Timezone)
	}
	return h.renderSurveyEdit(c, p, http.StatusOK, m, f, exists)
}

// SurveyEdit handles the form's buttons: editing the topic rows re-renders the form, save stores it.
func (h *Handlers) SurveyEdit(c echo.Context) error {
	u := currentUser(c)
	ctx := c.Request().Context()
	m, err := h.Store.GetMeetup(ctx, u.TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	v, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	f, op := readSurveyForm(v)
	_, getErr := h.Store.GetSurvey(ctx, u.TeamID, m.ID)
	exists := getErr == nil
	p := h.newPage(c, "survey.edit.title", "meetups")
	if op != "save" {
		f.apply(op)
		return h.renderSurveyEdit(c, p, http.StatusOK, m, f, exists)
	}
	_, err = h.Store.DefineSurvey(ctx, u.TeamID, u.ID, m.ID, f.input())
	var ve *models.ValidationError
	if errors.As(err, &ve) {
		p.Errors = rowErrorsOnly(ve.Fields)
		f = f.refused()
		return h.renderSurveyEdit(c, p, http.StatusUnprocessableEntity, m, f, exists)
	}
	if err != nil {
		return surveyErr(err)
	}
	h.flash(c, "survey.flash.saved")
	return redirect(c, "/meetups/"+m.ID+"/survey")
}

// renderSurveyEdit renders the form page with the team's backlog.
func (h *Handlers) renderSurveyEdit(c echo.Context, p *Page, status int, m models.Meetup, f surveyForm, exists bool) error {
	ideas, err := h.Store.ListTopicIdeas(c.Request().Context(), m.TeamID)
	if err != nil {
		return err
	}
	p.Title = m.Title + " · " + p.Title
	p.Form = f
	p.Data = surveyEditData{Meetup: m, Ideas: ideas, Exists: exists}
	return h.render(c, status, "survey_edit", p)
}

// rowErrorsOnly drops the topic list's own error when a row has one: the page shows each row's
// error beside it, and the list's (there for API callers) would only say it again.
func rowErrorsOnly(fe models.FieldErrors) models.FieldErrors {
	for k := range fe {
		if strings.HasPrefix(k, "topics.") {
			out := maps.Clone(fe)
			delete(out, "topics")
			return out
		}
	}
	return fe
}
