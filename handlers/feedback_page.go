package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// feedbackPageData is the organiser's view of a meetup's form.
type feedbackPageData struct {
	Meetup models.Meetup
	Status models.FeedbackStatus
}

// AnswerRate is the share of those sent the form who answered, in whole percent.
func (d feedbackPageData) AnswerRate() int { return sharePercent(d.Status.Answered, d.Status.Sent) }

// FeedbackPage shows the state of a meetup's form: when it goes or went out, counts, "send now".
func (h *Handlers) FeedbackPage(c echo.Context) error {
	ctx, team, id := c.Request().Context(), currentUser(c).TeamID, c.Param("id")
	m, err := h.Store.GetMeetup(ctx, team, id)
	if err != nil {
		return err
	}
	st, err := h.Store.GetFeedbackStatus(ctx, team, id)
	if err != nil {
		return err
	}
	p := h.newPage(c, "feedback.page.title", "meetups")
	p.Data = feedbackPageData{Meetup: m, Status: st}
	return h.render(c, http.StatusOK, "feedback_status", p)
}

// FeedbackSendForm sends the form now (the organiser's button) to those not mailed yet.
func (h *Handlers) FeedbackSendForm(c echo.Context) error {
	u := currentUser(c)
	n, err := h.Store.SendFeedback(c.Request().Context(), h.Links, u.TeamID, u.ID, c.Param("id"), h.feedbackMail)
	if err != nil {
		return feedbackErr(err)
	}
	msg := "feedback.flash.sent"
	if n == 0 {
		msg = "feedback.flash.sent_none"
	}
	h.flash(c, msg)
	return redirect(c, "/meetups/"+c.Param("id")+"/feedback")
}

// FeedbackFlagForm flags an answer from the report page and goes back to it.
func (h *Handlers) FeedbackFlagForm(c echo.Context) error {
	u := currentUser(c)
	if _, err := h.Store.FlagFeedback(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), c.Param("person"), h.feedbackAlert); err != nil {
		return err
	}
	h.flash(c, "feedback.flash.flagged")
	return redirect(c, "/meetups/"+c.Param("id")+"/report")
}
