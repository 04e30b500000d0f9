package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// MeetupPage shows one meetup: the six steps as a pipeline, its audience's profile and the topic.
func (h *Handlers) MeetupPage(c echo.Context) error {
	m, err := h.Store.GetMeetup(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	return h.renderMeetup(c, http.StatusOK, m, topicInput{Topic: m.Topic}, nil)
}

// renderMeetup renders the meetup page with the topic form and its errors.
func (h *Handlers) renderMeetup(c echo.Context, status int, m models.Meetup, f topicInput, fe models.FieldErrors) error {
	var aud *audienceView
	if m.AudienceID != nil {
		v, err := h.audienceView(c, *m.AudienceID, true)
		if err != nil {
			return err
		}
		aud = &v
	}
	series, err := h.meetupSeriesName(c, m)
	if err != nil {
		return err
	}
	p := h.newPage(c, "meetup.title", "meetups")
	p.Title = m.Title
	p.Form, p.Errors = f, fe
	data := map[string]any{"Meetup": m, "Steps": pipeline(p.Translator, m, aud), "Audience": aud, "Series": series}
	if aud != nil {
		data["Charts"] = profileCharts(p.Translator, "mt", *aud.Profile)
	}
	if m.StartsAt != nil {
		if data["InviteCounts"], err = h.Store.InviteOutboxCounts(c.Request().Context(), m.TeamID, m.ID); err != nil {
			return err
		}
		if err := h.meetupOutside(c, p.Translator, m, data); err != nil {
			return err
		}
	}
	p.Data = data
	return h.render(c, status, "meetup", p)
}

// meetupSeriesName is the name of the meetup's series, or "" when it has none.
func (h *Handlers) meetupSeriesName(c echo.Context, m models.Meetup) (string, error) {
	if m.SeriesID == nil {
		return "", nil
	}
	sr, err := h.Store.GetSeries(c.Request().Context(), currentUser(c).TeamID, *m.SeriesID)
	return sr.Name, err
}

// MeetupSetTopic sets the topic from the meetup page, skipping the survey; once the meetup is
// past speaker search (Meetup.TopicOpen) the form is refused with the reason, changing nothing.
func (h *Handlers) MeetupSetTopic(c echo.Context) error {
	var f topicInput
	if err := bindForm(c, &f); err != nil {
		return err
	}
	u, ctx := currentUser(c), c.Request().Context()
	m, err := h.Store.GetMeetup(ctx, u.TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	if _, bad := models.CleanTopic(f.Topic); bad == nil && topicFixed(m) {
		return h.renderMeetup(c, http.StatusUnprocessableEntity, m, f, models.FieldErrors{"topic": "topic_fixed"})
	}
	_, err = h.Store.SetTopic(ctx, u.TeamID, u.ID, m.ID, f.Topic)
	if fe := fieldErrors(err); fe != nil {
		return h.renderMeetup(c, http.StatusUnprocessableEntity, m, f, fe)
	}
	if err != nil {
		return err
	}
	h.flash(c, "meetup.topic_saved")
	return redirect(c, "/meetups/"+c.Param("id"))
}

// topicFixed says the meetup is past speaker search but still running: the topic form gives way
// to the reason (a finished or cancelled meetup is refused by SetTopic as before).
func topicFixed(m models.Meetup) bool {
	return !m.TopicOpen() && m.Stage != models.StageDone && m.Stage != models.StageCancelled
}

// meetupOutside adds to a meetup page's data the warning that talks of the lineup no longer fit
// in the meetup's time, with a link to the speakers page.
func (h *Handlers) meetupOutside(c echo.Context, tr Translator, m models.Meetup, data map[string]any) error {
	v, err := h.slotsOutside(c.Request().Context(), tr, m)
	if v != nil {
		v.Link = "/meetups/" + m.ID + "/speakers"
		data["Outside"] = v
	}
	return err
}
