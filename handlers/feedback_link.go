package handlers

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// feedbackLinkData is what the feedback pages show the person whose link it is.
type feedbackLinkData struct {
	models.FeedbackLinkView
	Token  string
	Thanks bool
}

// ClosesAtLocal is when the form closes, in the person's own zone.
func (d feedbackLinkData) ClosesAtLocal() string {
	return closingTime(d.ClosesAt, d.Person.Timezone, d.Person.Language)
}

// feedbackForm shows an answer (stored or posted) in the form's fields.
func feedbackForm(f *models.Feedback) models.FeedbackInput {
	if f == nil {
		return models.FeedbackInput{}
	}
	return models.FeedbackInput{Rating: strconv.Itoa(f.Rating), NPS: optScore(f.NPS), Impact: optScore(f.Impact),
		Useful: f.Useful, Improve: f.Improve, NextTopics: f.NextTopics}
}

// FeedbackLinkPage shows the feedback form to the person of the link: the form, their answer,
// or "closed". It only reads: link scanners fetch it with GET and HEAD.
func (h *Handlers) FeedbackLinkPage(c echo.Context) error {
	l, err := h.resolveLink(c, models.PurposeFeedback)
	if err != nil {
		return err
	}
	v, err := h.Store.FeedbackForLink(c.Request().Context(), l)
	if err != nil {
		return err
	}
	d := &feedbackLinkData{FeedbackLinkView: v, Token: c.Param("token"), Thanks: c.QueryParam("thanks") != ""}
	switch {
	case !v.Open:
		return h.renderFeedbackLink(c, http.StatusOK, "feedback_closed", d, feedbackForm(v.Answer), nil)
	case v.Answer != nil && c.QueryParam("change") == "":
		return h.renderFeedbackLink(c, http.StatusOK, "feedback_answered", d, feedbackForm(v.Answer), nil)
	}
	return h.renderFeedbackLink(c, http.StatusOK, "feedback_form", d, feedbackForm(v.Answer), nil)
}

// FeedbackLinkAnswer records the person's answer (replacing an earlier one) and shows the thank-you page.
func (h *Handlers) FeedbackLinkAnswer(c echo.Context) error {
	l, err := h.resolveLink(c, models.PurposeFeedback)
	if err != nil {
		return err
	}
	if l.MeetupID == nil || l.PersonID == nil {
		return models.ErrNotFound
	}
	var in models.FeedbackInput
	if err := bindForm(c, &in); err != nil {
		return err
	}
	_, err = h.Store.SaveFeedback(c.Request().Context(), *l.MeetupID, *l.PersonID, in, h.feedbackAlert)
	var ve *models.ValidationError
	switch {
	case err == nil:
		return redirect(c, "/f/"+c.Param("token")+"?thanks=1")
	case errors.Is(err, models.ErrFeedbackClosed):
		return h.feedbackRefused(c, l, in, http.StatusConflict, "feedback_closed", nil)
	case errors.As(err, &ve):
		return h.feedbackRefused(c, l, in, http.StatusUnprocessableEntity, "feedback_form", ve.Fields)
	}
	return err
}

// feedbackRefused re-renders a refused answer: the form with its errors and the input kept, or "closed".
func (h *Handlers) feedbackRefused(c echo.Context, l models.Link, in models.FeedbackInput, status int, page string, fe models.FieldErrors) error {
	v, err := h.Store.FeedbackForLink(c.Request().Context(), l)
	if err != nil {
		return err
	}
	d := &feedbackLinkData{FeedbackLinkView: v, Token: c.Param("token")}
	if page == "feedback_closed" {
		in = feedbackForm(v.Answer)
	}
	return h.renderFeedbackLink(c, status, page, d, readableFeedback(in), fe)
}

// readableFeedback is a refused answer as the form shows it again: valid UTF-8.
func readableFeedback(in models.FeedbackInput) models.FeedbackInput {
	return models.FeedbackInput{Rating: readable(in.Rating), NPS: readable(in.NPS), Impact: readable(in.Impact),
		Useful: readable(in.Useful), Improve: readable(in.Improve), NextTopics: readable(in.NextTopics)}
}

// renderFeedbackLink renders a feedback page in the person's language.
func (h *Handlers) renderFeedbackLink(c echo.Context, status int, page string, d *feedbackLinkData, in models.FeedbackInput, fe models.FieldErrors) error {
	p := h.newPublicPage(c, d.Person.Language, "feedback.public.title")
	p.Data, p.Form, p.Errors = d, in, fe
	if c.Request().Method == http.MethodHead {
		return c.NoContent(status)
	}
	return h.render(c, status, page, p)
}
