package handlers

import (
	"errors"
	"net/http"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// surveyReminderGap is the least time between two survey mails to one person: a double click
// or a retried request reminds nobody twice.
const surveyReminderGap = time.Hour

// surveyJSON is a survey as the API shows it, its times in the meetup's zone, with what a send
// and a reminder would reach now.
type surveyJSON struct {
	models.Survey
	Unmailed   int `json:"unmailed"`
	Remindable int `json:"remindable"`
}

// surveyErr names the survey's state conflicts for the client (409 with a specific code).
func surveyErr(err error) error {
	switch {
	case errors.Is(err, models.ErrSurveyClosed):
		return echo.NewHTTPError(http.StatusConflict, "survey_closed")
	case errors.Is(err, models.ErrWrongStage):
		return echo.NewHTTPError(http.StatusConflict, "wrong_stage")
	}
	return err
}

// APIGetSurvey returns a meetup's survey.
func (h *Handlers) APIGetSurvey(c echo.Context) error {
	return h.writeSurvey(c, http.StatusOK)
}

// APIDefineSurvey creates or replaces a meetup's survey; the meetup moves to the survey stage.
func (h *Handlers) APIDefineSurvey(c echo.Context) error {
	var in models.SurveyInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u := currentUser(c)
	if _, err := h.Store.DefineSurvey(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), in); err != nil {
		return surveyErr(err)
	}
	return h.writeSurvey(c, http.StatusOK)
}

// writeSurvey answers with the survey of the route's meetup.
func (h *Handlers) writeSurvey(c echo.Context, status int) error {
	ctx, team, id := c.Request().Context(), currentUser(c).TeamID, c.Param("id")
	m, err := h.Store.GetMeetup(ctx, team, id)
	if err != nil {
		return err
	}
	sv, err := h.Store.GetSurvey(ctx, team, id)
	if err != nil {
		return err
	}
	out := surveyJSON{Survey: sv}
	out.ClosesAt = inLocation(sv.ClosesAt, m.Timezone)
	if out.Unmailed, err = h.Store.CountUnmailed(ctx, team, id); err != nil {
		return err
	}
	if out.Remindable, err = h.Store.CountRemindable(ctx, team, id, surveyReminderGap); err != nil {
		return err
	}
	return c.JSON(status, out)
}

// inLocation shows t in the named zone (UTC if unknown).
func inLocation(t time.Time, zone string) time.Time {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return t.UTC()
	}
	return t.In(loc)
}

// APISendSurvey mails the survey to the audience members not mailed yet → {"sent":N}.
func (h *Handlers) APISendSurvey(c echo.Context) error {
	u := currentUser(c)
	n, err := h.Store.SendSurvey(c.Request().Context(), h.Links, u.TeamID, u.ID, c.Param("id"), h.surveyMail)
	if err != nil {
		return surveyErr(err)
	}
	return c.JSON(http.StatusOK, map[string]int{"sent": n})
}

// APIRemindSurvey reminds those who have not answered (at most two reminders each) → {"sent":N}.
func (h *Handlers) APIRemindSurvey(c echo.Context) error {
	u := currentUser(c)
	n, err := h.Store.RemindSurvey(c.Request().Context(), h.Links, u.TeamID, u.ID, c.Param("id"), surveyReminderGap, h.surveyMail)
	if err != nil {
		return surveyErr(err)
	}
	return c.JSON(http.StatusOK, map[string]int{"sent": n})
}

// APISurveyResults returns the live, ranked tally.
func (h *Handlers) APISurveyResults(c echo.Context) error {
	r, err := h.Store.SurveyResults(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

// APICloseSurvey closes the survey (closing a closed one changes nothing) and returns it.
func (h *Handlers) APICloseSurvey(c echo.Context) error {
	u := currentUser(c)
	if _, err := h.Store.CloseSurvey(c.Request().Context(), u.TeamID, u.ID, c.Param("id")); err != nil {
		return err
	}
	return h.writeSurvey(c, http.StatusOK)
}

// APIChooseTopic sets the meetup's topic → the meetup, now in speaker search.
func (h *Handlers) APIChooseTopic(c echo.Context) error {
	var tc models.TopicChoice
	if err := bindJSON(c, &tc); err != nil {
		return err
	}
	u := currentUser(c)
	m, err := h.Store.ChooseTopic(c.Request().Context(), h.Links, u.TeamID, u.ID, c.Param("id"), tc, h.surveyMail)
	if err != nil {
		return surveyErr(err)
	}
	return c.JSON(http.StatusOK, m)
}
