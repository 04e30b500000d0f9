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
	inv, err := h.loadInvitation(c)
	if err != nil {
		return err
	}
	f := rsvpForm{Answer: inv.RSVP.Status, Mode: inv.RSVP.Mode, Dietary: inv.RSVP.Dietary}
	if a := c.QueryParam("answer"); a == models.RSVPYes || a == models.RSVPMaybe || a == models.RSVPNo {
		f.Answer = a
	}
	return h.renderRSVP(c, http.StatusOK, inv, f, nil, false)
}

// RSVPAnswer records the answer posted from the RSVP page and shows the outcome. The link,
// the meetup and the person are read in the answer's own transaction.
func (h *Handlers) RSVPAnswer(c echo.Context) error {
	f := rsvpForm{Answer: c.FormValue("answer"), Mode: c.FormValue("mode"), Dietary: c.FormValue("dietary")}
	a := models.Answer{Status: f.Answer, Mode: f.Mode, Dietary: f.Dietary}
	inv, res, err := h.Store.AnswerByToken(c.Request().Context(), h.Links, c.Param("token"), a, h.rsvpNotifier())
	var ve *models.ValidationError
	switch {
	case errors.Is(err, models.ErrNotFound):
		return h.linkMiss(c)
	case errors.As(err, &ve):
		return h.rsvpRefused(c, http.StatusUnprocessableEntity, f, ve.Fields)
	case errors.Is(err, models.ErrMeetupClosed):
		return h.rsvpRefused(c, http.StatusConflict, f, nil)
	case err != nil:
		return err
	}
	inv.RSVP, inv.Position, inv.Seats = res.RSVP, res.Position, res.Seats
	f = rsvpForm{Answer: res.RSVP.Status, Mode: res.RSVP.Mode, Dietary: res.RSVP.Dietary}
	return h.renderRSVP(c, http.StatusOK, inv, f, nil, true)
}

// rsvpRefused shows the page again with the person's input: 422 with the fields in error, or
// 409 when the meetup stopped taking answers (the page then says why).
func (h *Handlers) rsvpRefused(c echo.Context, status int, f rsvpForm, fe models.FieldErrors) error {
	inv, err := h.loadInvitation(c)
	if err != nil {
		return err
	}
	return h.renderRSVP(c, status, inv, f, fe, false)
}

// loadInvitation resolves the link of the request and loads the meetup and person it names,
// with the answer, place and seats.
func (h *Handlers) loadInvitation(c echo.Context) (models.Invitation, error) {
	l, err := h.resolveLink(c, models.PurposeRSVP)
	if err != nil {
		return models.Invitation{}, err
	}
	if l.PersonID == nil || l.MeetupID == nil {
		return models.Invitation{}, models.ErrNotFound
	}
	return h.Store.Invitation(c.Request().Context(), l.TeamID, *l.MeetupID, *l.PersonID)
}

// meetupBroadcaster is how a change of time or place, or a cancellation, reaches everyone
// invited: an update (REQUEST, SEQUENCE+1) or a cancellation (CANCEL) per invitee, enqueued in
// the outbox in the transaction of the change.
func (h *Handlers) meetupBroadcaster() models.Broadcaster { return h.mailBroadcaster }

// rsvpNotifier is how RSVP changes reach people: each event is recorded once in rsvp_events
// and the waitlisted or promoted notice is enqueued in the outbox under the event's key.
func (h *Handlers) rsvpNotifier() models.Notifier { return h.mailNotifier() }
