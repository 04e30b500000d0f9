package handlers

import (
	"errors"
	"net/http"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// surveyPageData is the organiser's survey page: the survey, live results and what the buttons would do.
type surveyPageData struct {
	Meetup     models.Meetup
	Survey     models.Survey
	Results    models.SurveyResults
	Chart      voteChart
	Unmailed   int
	Remindable int
	Outlook    models.ReminderOutlook // why nobody is to remind now, and when the next reminder can go
	Lang       string                 // the page's language
}

// ClosesAtLocal is the closing time in the meetup's zone.
func (d surveyPageData) ClosesAtLocal() string {
	return closingTime(d.Survey.ClosesAt, d.Meetup.Timezone, d.Lang)
}

// NextReminderAt is when the next reminder can go, in the meetup's zone, or "".
func (d surveyPageData) NextReminderAt() string {
	if d.Outlook.NextAt == nil {
		return ""
	}
	return closingTime(*d.Outlook.NextAt, d.Meetup.Timezone, d.Lang)
}

// ResponseRate is the share of invitees who answered, in whole percent.
func (d surveyPageData) ResponseRate() int {
	return sharePercent(d.Results.Responses, d.Results.Invited)
}

// Share is the share of respondents who ticked a topic, in whole percent.
func (d surveyPageData) Share(votes int) int { return sharePercent(votes, d.Results.Responses) }

// closingTime shows t in the zone with the zone's name and offset, in lang, as mails show times:
// "Thu 10 Dec 2026, 17:00 (Europe/Kyiv, UTC+02:00)".
func closingTime(t time.Time, zone, lang string) string { return formatWhen(t, t, zone, lang) }

// sharePercent is n of total in whole percent, 0 for an empty total.
func sharePercent(n, total int) int {
	if total == 0 {
		return 0
	}
	return (n*100 + total/2) / total
}

// SurveyPage shows a meetup's survey with live results; without a survey it opens the form.
func (h *Handlers) SurveyPage(c echo.Context) error {
	return h.renderSurveyPage(c, http.StatusOK, "", nil)
}

// renderSurveyPage renders the survey page; a refused pick keeps its text and shows its error.
func (h *Handlers) renderSurveyPage(c echo.Context, status int, other string, fe models.FieldErrors) error {
	ctx, team, id := c.Request().Context(), currentUser(c).TeamID, c.Param("id")
	m, err := h.Store.GetMeetup(ctx, team, id)
	if err != nil {
		return err
	}
	sv, err := h.Store.GetSurvey(ctx, team, id)
	if errors.Is(err, models.ErrNotFound) {
		return redirect(c, "/meetups/"+m.ID+"/survey/edit")
	}
	if err != nil {
		return err
	}
	d := surveyPageData{Meetup: m, Survey: sv}
	if d.Results, err = h.Store.SurveyResults(ctx, team, id); err != nil {
		return err
	}
	if d.Unmailed, err = h.Store.CountUnmailed(ctx, team, id); err != nil {
		return err
	}
	if d.Outlook, err = h.Store.RemindOutlook(ctx, team, id, surveyReminderGap); err != nil {
		return err
	}
	d.Remindable = d.Outlook.Now
	d.Chart = newVoteChart(d.Results)
	p := h.newPage(c, "survey.page.title", "meetups")
	d.Lang, d.Survey.Question = p.Lang, h.localQuestion(sv.Question, p.Lang)
	p.Data, p.Form, p.Errors = d, other, fe
	return h.render(c, status, "survey", p)
}
