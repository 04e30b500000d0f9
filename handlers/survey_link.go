package handlers

import (
	"errors"
	"net/http"
	"strings"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// answerForm is the survey page's form: topic (repeatable), proposal, problems.
type answerForm struct {
	Topics   []string
	Proposal string
	Problems string
}

// ticked reports whether the form ticks topic (case-insensitively).
func (f answerForm) Ticked(topic string) bool {
	for _, t := range f.Topics {
		if strings.EqualFold(strings.TrimSpace(t), topic) {
			return true
		}
	}
	return false
}

// surveyLinkData is what the survey pages show the person whose link it is.
type surveyLinkData struct {
	models.SurveyLinkView
	Token  string
	Form   answerForm
	Thanks bool
	Lang   string // the page's language, the person's
}

// ClosesAtLocal is the closing time in the person's own zone.
func (d surveyLinkData) ClosesAtLocal() string {
	return closingTime(d.Survey.ClosesAt, d.Person.Timezone, d.Lang)
}

// SurveyLinkPage shows the survey to the person of the link: the form, their answer, or "closed".
// It only reads: link scanners fetch it with GET and HEAD.
func (h *Handlers) SurveyLinkPage(c echo.Context) error {
	l, err := h.resolveLink(c, models.PurposeSurvey)
	if err != nil {
		return err
	}
	v, err := h.Store.SurveyForLink(c.Request().Context(), l)
	if err != nil {
		return err
	}
	d := &surveyLinkData{SurveyLinkView: v, Token: c.Param("token"), Thanks: c.QueryParam("thanks") != ""}
	switch {
	case !v.Survey.Open:
		return h.renderSurveyLink(c, http.StatusOK, "survey_closed", "survey.closed.title", d, nil)
	case v.Answer != nil && c.QueryParam("change") == "":
		return h.renderSurveyLink(c, http.StatusOK, "survey_answered", "survey.answered.title", d, nil)
	}
	if v.Answer != nil {
		d.Form = answerForm{Topics: v.Answer.Topics, Proposal: v.Answer.Proposal, Problems: v.Answer.Problems}
	}
	return h.renderSurveyLink(c, http.StatusOK, "survey_answer", "survey.answer.title", d, nil)
}

// SurveyLinkAnswer records the person's answer (replacing an earlier one) and shows the thank-you page.
func (h *Handlers) SurveyLinkAnswer(c echo.Context) error {
	l, err := h.resolveLink(c, models.PurposeSurvey)
	if err != nil {
		return err
	}
	if l.MeetupID == nil || l.PersonID == nil {
		return models.ErrNotFound
	}
	f, err := readAnswerForm(c)
	if err != nil {
		return err
	}
	a := models.SurveyAnswer{Topics: f.Topics, Proposal: f.Proposal, Problems: f.Problems}
	err = h.Store.SaveAnswer(c.Request().Context(), *l.MeetupID, *l.PersonID, a)
	var ve *models.ValidationError
	switch {
	case err == nil:
		return redirect(c, "/s/"+c.Param("token")+"?thanks=1")
	case errors.Is(err, models.ErrSurveyClosed):
		return h.surveyLinkRefused(c, l, f, http.StatusConflict, "survey_closed", nil)
	case errors.As(err, &ve):
		return h.surveyLinkRefused(c, l, f, http.StatusUnprocessableEntity, "survey_answer", ve.Fields)
	}
	return err
}

// surveyLinkRefused re-renders a refused answer: the form with its errors and the input kept, or "closed".
func (h *Handlers) surveyLinkRefused(c echo.Context, l models.Link, f answerForm, status int, page string, fe models.FieldErrors) error {
	v, err := h.Store.SurveyForLink(c.Request().Context(), l)
	if err != nil {
		return err
	}
	f.Proposal, f.Problems = readable(f.Proposal), readable(f.Problems)
	d := &surveyLinkData{SurveyLinkView: v, Token: c.Param("token"), Form: f}
	return h.renderSurveyLink(c, status, page, "survey."+strings.TrimPrefix(page, "survey_")+".title", d, fe)
}

// readAnswerForm reads the posted answer; an unreadable body is a 400.
func readAnswerForm(c echo.Context) (answerForm, error) {
	v, err := c.FormParams()
	if err != nil {
		return answerForm{}, echo.NewHTTPError(http.StatusBadRequest)
	}
	return answerForm{Topics: v["topic"], Proposal: v.Get("proposal"), Problems: v.Get("problems")}, nil
}

// renderSurveyLink renders a survey page in the person's language.
func (h *Handlers) renderSurveyLink(c echo.Context, status int, page, title string, d *surveyLinkData, fe models.FieldErrors) error {
	p := h.newPublicPage(c, d.Person.Language, title)
	d.Survey.Question, d.Lang = h.localQuestion(d.Survey.Question, p.Lang), p.Lang
	p.Data, p.Form, p.Errors = d, d.Form, fe
	if c.Request().Method == http.MethodHead {
		return c.NoContent(status)
	}
	return h.render(c, status, page, p)
}
