package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// attendeeFilter reads the list filters: ?rsvp=, ?mode=, ?q=, ?dietary=1.
func attendeeFilter(c echo.Context) models.AttendeeFilter {
	return models.AttendeeFilter{RSVP: c.QueryParam("rsvp"), Mode: c.QueryParam("mode"),
		Query: c.QueryParam("q"), Dietary: c.QueryParam("dietary") == "1" || c.QueryParam("dietary") == "true"}
}

// teamMeetup loads the route's meetup if it is the current user's team's.
func (h *Handlers) teamMeetup(c echo.Context) (models.Meetup, error) {
	return h.Store.GetMeetup(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
}

// APIAttendees lists a meetup's invitees with their answers (GET /api/v1/meetups/{id}/attendees).
func (h *Handlers) APIAttendees(c echo.Context) error {
	m, err := h.teamMeetup(c)
	if err != nil {
		return err
	}
	pg, err := pageParams(c)
	if err != nil {
		return err
	}
	items, next, err := h.Store.Attendees(c.Request().Context(), m.TeamID, m.ID, attendeeFilter(c), pg)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listResponse[models.Attendee]{Items: items, NextCursor: next})
}

// APIRSVPSummary returns the counts, seats, overflow and lunch summary of a meetup.
func (h *Handlers) APIRSVPSummary(c echo.Context) error {
	m, err := h.teamMeetup(c)
	if err != nil {
		return err
	}
	sum, err := h.Store.Summary(c.Request().Context(), m.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sum)
}
