package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// MeetupNew shows the form for a new meetup.
func (h *Handlers) MeetupNew(c echo.Context) error {
	f := meetupForm{Format: "talk", Timezone: "UTC", Duration: "60", Capacity: "0"}
	if a := c.QueryParam("audience_id"); a != "" {
		f.AudienceID = a
	}
	return h.renderMeetupForm(c, http.StatusOK, "", f, nil)
}

// MeetupEdit shows the form of a meetup.
func (h *Handlers) MeetupEdit(c echo.Context) error {
	m, err := h.Store.GetMeetup(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	return h.renderMeetupForm(c, http.StatusOK, m.ID, formOfMeetup(m, h.uiLang(c)), nil)
}

// MeetupCreate creates a meetup (and a new series if one is named); invalid input comes back with 422.
func (h *Handlers) MeetupCreate(c echo.Context) error {
	var f meetupForm
	if err := bindForm(c, &f); err != nil {
		return err
	}
	nm, fe := f.newMeetup()
	if err := h.newSeriesProblem(c, f, fe); err != nil {
		return err
	}
	if len(fe) > 0 {
		return h.renderMeetupForm(c, http.StatusUnprocessableEntity, "", f, fe)
	}
	nm.NewSeries = f.NewSeries
	u := currentUser(c)
	m, err := h.Store.CreateMeetup(c.Request().Context(), u.TeamID, u.ID, nm)
	if err != nil {
		return h.meetupSaveFailed(c, "", f, err)
	}
	h.flash(c, "meetup.created")
	return redirect(c, "/meetups/"+m.ID)
}

// MeetupUpdate saves the edit form; invalid input comes back with 422.
func (h *Handlers) MeetupUpdate(c echo.Context) error {
	var f meetupForm
	if err := bindForm(c, &f); err != nil {
		return err
	}
	id := c.Param("id")
	mp, fe := f.patch()
	if err := h.newSeriesProblem(c, f, fe); err != nil {
		return err
	}
	if len(fe) > 0 {
		return h.renderMeetupForm(c, http.StatusUnprocessableEntity, id, f, fe)
	}
	mp.NewSeries = f.NewSeries
	u := currentUser(c)
	if _, err := h.Store.EditMeetup(c.Request().Context(), u.TeamID, u.ID, id, models.MeetupEdit{MeetupPatch: mp}, h.rsvpNotifier(), h.meetupBroadcaster()); err != nil {
		return h.meetupSaveFailed(c, id, f, err)
	}
	h.flash(c, "meetup.saved")
	return redirect(c, "/meetups/"+id)
}

// newSeriesProblem adds to the form's own field errors, when it has some, the problem of the
// new series it names, so that every problem shows at once; the series itself is created only
// with the meetup.
func (h *Handlers) newSeriesProblem(c echo.Context, f meetupForm, fe models.FieldErrors) error {
	if len(fe) == 0 || f.NewSeries == "" {
		return nil
	}
	k, err := h.Store.NewSeriesProblem(c.Request().Context(), currentUser(c).TeamID, f.NewSeries)
	if k != "" {
		fe["new_series"] = k
	}
	return err
}

// meetupSaveFailed shows the form again on field errors; anything else goes to the error handler.
func (h *Handlers) meetupSaveFailed(c echo.Context, id string, f meetupForm, err error) error {
	if fe := fieldErrors(err); fe != nil {
		return h.renderMeetupForm(c, http.StatusUnprocessableEntity, id, f, fe)
	}
	return err
}

// renderMeetupForm renders the create (id "") or edit form with the team's audiences and series.
func (h *Handlers) renderMeetupForm(c echo.Context, status int, id string, f meetupForm, fe models.FieldErrors) error {
	teamID, ctx := currentUser(c).TeamID, c.Request().Context()
	auds, err := h.Store.ListAudiences(ctx, teamID)
	if err != nil {
		return err
	}
	series, err := h.Store.ListSeries(ctx, teamID)
	if err != nil {
		return err
	}
	p := h.newPage(c, "meetup.new", "meetups")
	if id != "" {
		p.Title = p.T("meetup.edit")
	}
	p.Form, p.Errors = f, fe
	p.Data = map[string]any{"ID": id, "Audiences": auds, "Series": series, "Formats": models.Formats,
		"Zones": commonTimezones}
	return h.render(c, status, "meetup_form", p)
}
