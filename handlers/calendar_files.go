package handlers

import (
	"net/http"
	"strings"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// InviteICS is a person's invitation as a file (GET /r/{token}/invite.ics): a REQUEST naming
// them as attendee with their current answer, or a CANCEL once the meetup is cancelled.
func (h *Handlers) InviteICS(c echo.Context) error {
	inv, err := h.loadInvitation(c)
	if err != nil {
		return err
	}
	m := inv.Meetup
	if m.StartsAt == nil || m.EndsAt == nil {
		return models.ErrNotFound
	}
	ev := h.meetupEvent(m, h.Cfg.BaseURL+"/r/"+c.Param("token"))
	ev.Attendees = []mailer.Attendee{{Name: inv.Person.Name, Email: inv.Person.Email, PartStat: partStat(inv.RSVP.Status), RSVP: true}}
	method := mailer.MethodRequest
	if m.Stage == models.StageCancelled {
		method = mailer.MethodCancel
	}
	b, err := mailer.Calendar(method, ev)
	if err != nil {
		return err
	}
	return sendCalendar(c, method, "invite.ics", b)
}

// CalendarFeed is a person's private feed (GET /cal/{token}.ics): a PUBLISH of the meetups
// they said yes to, without attendees; a cancelled meetup drops out.
func (h *Handlers) CalendarFeed(c echo.Context) error {
	tok, ok := strings.CutSuffix(c.Param("token"), ".ics")
	if !ok {
		return models.ErrNotFound
	}
	c.SetParamValues(tok)
	l, err := h.resolveLink(c, models.PurposeCalendar)
	if err != nil {
		return err
	}
	if l.PersonID == nil {
		return models.ErrNotFound
	}
	list, err := h.Store.YesMeetups(c.Request().Context(), l.TeamID, *l.PersonID)
	if err != nil {
		return err
	}
	events := make([]mailer.Event, 0, len(list))
	for _, m := range list {
		events = append(events, h.meetupEvent(m, ""))
	}
	b := []byte(emptyFeed)
	if len(events) > 0 {
		if b, err = mailer.Calendar(mailer.MethodPublish, events...); err != nil {
			return err
		}
	}
	return sendCalendar(c, mailer.MethodPublish, "convene.ics", b)
}

// emptyFeed is a feed with no meetups in it (yet): a calendar with no events.
const emptyFeed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Convene//Convene Meetups//EN\r\n" +
	"CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Convene\r\nEND:VCALENDAR\r\n"

// sendCalendar writes an iCalendar body whose Content-Type names its METHOD.
func sendCalendar(c echo.Context, method, name string, b []byte) error {
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	return c.Blob(http.StatusOK, "text/calendar; charset=utf-8; method="+method, b)
}
