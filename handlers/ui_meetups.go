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
	return h.renderMeetupForm(c, http.StatusOK, m.ID, formOfMeetup(m), nil)
}

// MeetupCreate creates a meetup (and a new series if one is named); invalid input comes back with 422.
func (h *Handlers) MeetupCreate(c echo.Context) error {
	var f meetupForm
	if err := bindForm(c, &f); err != nil {
		return err
	}
	nm, fe := f.newMeetup()
	if len(fe) > 0 {
		return h.renderMeetupForm(c, http.StatusUnprocessableEntity, "", f, fe)
	}
	if err := h.newSeriesFromForm(c, &f); err != nil {
		return h.meetupSaveFailed(c, "", f, err)
	}
	nm.SeriesID = &f.SeriesID
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
	if len(fe) > 0 {
		return h.renderMeetupForm(c, http.StatusUnprocessableEntity, id, f, fe)
	}
	if err := h.newSeriesFromForm(c, &f); err != nil {
		return h.meetupSaveFailed(c, id, f, err)
	}
	mp.SeriesID = &f.SeriesID
	u := currentUser(c)
	if _, err := h.Store.EditMeetup(c.Request().Context(), u.TeamID, u.ID, id, models.MeetupEdit{MeetupPatch: mp}, h.rsvpNotifier(), h.meetupBroadcaster()); err != nil {
		return h.meetupSaveFailed(c, id, f, err)
	}
	h.flash(c, "meetup.saved")
	return redirect(c, "/meetups/"+id)
}

// newSeriesFromForm creates the series named in the form and selects it.
func (h *Handlers) newSeriesFromForm(c echo.Context, f *meetupForm) error {
	if f.NewSeries == "" {
		return nil
	}
	u := currentUser(c)
	sr, err := h.Store.CreateSeriesBy(c.Request().Context(), u.TeamID, u.ID, models.Series{Name: f.NewSeries})
	if fe := fieldErrors(err); fe != nil {
		return models.Invalid(models.FieldErrors{"new_series": fe["name"]})
	}
	if err == nil {
		f.SeriesID, f.NewSeries = sr.ID, ""
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
