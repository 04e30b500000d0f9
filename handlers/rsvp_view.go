package handlers

import (
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// rsvpView is what the RSVP page template gets in Page.Data.
type rsvpView struct {
	Token       string
	Meetup      models.Meetup
	Person      models.Person
	When        string
	MeetupWhen  string
	RSVP        models.RSVP
	Position    int
	Seats       models.SeatCount
	Modes       []string
	Lunch       bool
	Saved       bool
	State       string
	CalendarURL string
	InviteURL   string
}

// renderRSVP renders the RSVP page in the person's language, with their times in their zone.
func (h *Handlers) renderRSVP(c echo.Context, status int, inv models.Invitation, f rsvpForm, fe models.FieldErrors, saved bool) error {
	m := inv.Meetup
	p := h.newPublicPage(c, inv.Person.Language, "rsvp.title")
	p.Title = m.Title
	p.Form, p.Errors = f, fe
	v := rsvpView{Token: c.Param("token"), Meetup: m, Person: inv.Person, RSVP: inv.RSVP, Position: inv.Position,
		Seats: inv.Seats, Modes: m.Modes(), Lunch: m.Format == "lunch_and_learn", Saved: saved, State: rsvpState(m)}
	if m.StartsAt != nil && m.EndsAt != nil {
		if inv.RSVP.Role != models.RoleSpeaker { // a speaker's calendar has their talk's event
			v.InviteURL = "/r/" + v.Token + "/invite.ics"
		}
		v.When = formatWhen(*m.StartsAt, *m.EndsAt, inv.Person.Timezone, p.Lang)
		if inv.Person.Timezone != m.Timezone {
			v.MeetupWhen = formatWhen(*m.StartsAt, *m.EndsAt, m.Timezone, p.Lang)
		}
	}
	v.CalendarURL = h.calendarFeedURL(c, inv, saved)
	p.Data = v
	return h.render(c, status, "rsvp", p)
}

// rsvpState says whether the page can take answers: "open", "cancelled", "over" or "unscheduled".
func rsvpState(m models.Meetup) string {
	switch {
	case m.Stage == models.StageCancelled:
		return "cancelled"
	case m.Stage == models.StageDone || (m.EndsAt != nil && m.EndsAt.Before(time.Now())):
		return "over"
	case m.Stage != models.StageScheduled:
		return "unscheduled"
	}
	return "open"
}

// calendarFeedURL is the address of the person's calendar feed, or "" when they have none. An
// invitation send makes the feed's link; after an answer (a POST, create set) one is made for
// whoever has none yet, such as people invited before links were made at sending.
func (h *Handlers) calendarFeedURL(c echo.Context, inv models.Invitation, create bool) string {
	if id := inv.CalendarLinkID; id != nil {
		return h.Cfg.BaseURL + "/cal/" + h.Links.Token(*id, models.PurposeCalendar) + ".ics"
	}
	if !create {
		return ""
	}
	spec := models.LinkSpec{TeamID: inv.Meetup.TeamID, Purpose: models.PurposeCalendar, PersonID: &inv.Person.ID}
	tok, err := h.Links.Ensure(c.Request().Context(), h.Store.DB, spec)
	if err != nil {
		h.Log.Error("calendar feed link", "err", err)
		return ""
	}
	return h.Cfg.BaseURL + "/cal/" + tok + ".ics"
}
