package handlers

import (
	"errors"
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// rsvpForm is the RSVP page's form; API.md names its fields.
type rsvpForm struct {
	Answer  string `form:"answer"`
	Mode    string `form:"mode"`
	Dietary string `form:"dietary"`
}

// RSVPPage shows a person their invitation and the answer form. It never changes anything:
// mail scanners fetch it, and ?answer= only preselects a button.
func (h *Handlers) RSVPPage(c echo.Context) error {
	inv, err := h.loadInvitation(c, true)
	if err != nil {
		return err
	}
	f := rsvpForm{Answer: inv.RSVP.Status, Mode: inv.RSVP.Mode, Dietary: inv.RSVP.Dietary}
	if a := c.QueryParam("answer"); a == models.RSVPYes || a == models.RSVPMaybe || a == models.RSVPNo {
		f.Answer = a
	}
	return h.renderRSVP(c, http.StatusOK, inv, f, nil, false)
}

// RSVPAnswer records the answer posted from the RSVP page and shows the outcome.
func (h *Handlers) RSVPAnswer(c echo.Context) error {
	inv, err := h.loadInvitation(c, false)
	if err != nil {
		return err
	}
	f := rsvpForm{Answer: c.FormValue("answer"), Mode: c.FormValue("mode"), Dietary: c.FormValue("dietary")}
	m := inv.Meetup
	a := models.Answer{TeamID: m.TeamID, MeetupID: m.ID, PersonID: inv.Person.ID, Status: f.Answer, Mode: f.Mode, Dietary: f.Dietary}
	res, err := h.Store.Answer(c.Request().Context(), a, h.rsvpNotifier())
	var ve *models.ValidationError
	switch {
	case errors.As(err, &ve), errors.Is(err, models.ErrMeetupClosed):
		return h.rsvpRefused(c, inv, f, err)
	case err != nil:
		return err
	}
	inv.RSVP, inv.Position, inv.Seats = res.RSVP, res.Position, res.Seats
	return h.renderRSVP(c, http.StatusOK, inv, rsvpForm{Answer: res.RSVP.Status, Mode: res.RSVP.Mode, Dietary: res.RSVP.Dietary}, nil, true)
}

// rsvpRefused shows the form again: 422 with the fields in error, or 409 when the meetup
// stopped taking answers (the page then says why).
func (h *Handlers) rsvpRefused(c echo.Context, inv models.Invitation, f rsvpForm, err error) error {
	var ve *models.ValidationError
	if errors.As(err, &ve) {
		return h.renderRSVP(c, http.StatusUnprocessableEntity, inv, f, ve.Fields, false)
	}
	inv, lerr := h.Store.Invitation(c.Request().Context(), inv.Meetup.TeamID, inv.Meetup.ID, inv.Person.ID)
	if lerr != nil {
		return lerr
	}
	return h.renderRSVP(c, http.StatusConflict, inv, f, nil, false)
}

// loadInvitation resolves the link of the request and loads the meetup and person it names,
// with the answer, place and seats when full.
func (h *Handlers) loadInvitation(c echo.Context, full bool) (models.Invitation, error) {
	l, err := h.resolveLink(c, models.PurposeRSVP)
	if err != nil {
		return models.Invitation{}, err
	}
	if l.PersonID == nil || l.MeetupID == nil {
		return models.Invitation{}, models.ErrNotFound
	}
	if !full {
		return h.Store.Invitee(c.Request().Context(), l.TeamID, *l.MeetupID, *l.PersonID)
	}
	return h.Store.Invitation(c.Request().Context(), l.TeamID, *l.MeetupID, *l.PersonID)
}

// rsvpNotifier is how RSVP changes reach people. Until the outbox lands it records each
// event once in rsvp_events; the outbox version renders the mail and enqueues it instead.
func (h *Handlers) rsvpNotifier() models.Notifier { return h.Store.RecordEvents() }
