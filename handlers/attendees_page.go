package handlers

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// attendeesView is what the attendees page template gets in Page.Data.
type attendeesView struct {
	Meetup      models.Meetup
	Summary     models.RSVPSummary
	Attendees   []models.Attendee
	Waitlist    []models.Attendee
	Filter      models.AttendeeFilter
	Next        string
	Query       template.URL
	Lunch       bool
	StatusOrder []string
	// InviteCounts are the meetup's invitation mails in the outbox by status.
	InviteCounts map[string]int
	// Uninvited is how many a send of the invitations would mail now.
	Uninvited int
	// Over marks a meetup that has ended: the send button is disabled and says why.
	Over bool
}

// AttendeesPage shows the seats, the overflow, the waitlist, the lunch summary and the
// filtered attendee list of a meetup.
func (h *Handlers) AttendeesPage(c echo.Context) error {
	m, err := h.teamMeetup(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	p := h.newPage(c, "attendees.title", "meetups")
	v := attendeesView{Meetup: m, Filter: attendeeFilter(c), Lunch: m.Format == "lunch_and_learn",
		StatusOrder: []string{models.RSVPInvited, models.RSVPYes, models.RSVPMaybe, models.RSVPNo, models.RSVPWaitlisted}}
	if v.Summary, err = h.Store.Summary(ctx, m.ID); err != nil {
		return err
	}
	if v.InviteCounts, err = h.Store.InviteOutboxCounts(ctx, m.TeamID, m.ID); err != nil {
		return err
	}
	v.Over = errors.Is(models.InvitationsClosed(m, time.Now()), models.ErrMeetupOver)
	if v.Uninvited, err = h.Store.CountUninvited(ctx, m); err != nil || v.Over {
		v.Uninvited = 0
	}
	if err != nil {
		return err
	}
	if v.Waitlist, err = h.Store.Waitlist(ctx, m.ID, models.ModeInPerson, 50); err != nil {
		return err
	}
	status := http.StatusOK
	v.Attendees, v.Next, err = h.Store.Attendees(ctx, m.TeamID, m.ID, v.Filter, models.Page{Cursor: c.QueryParam("cursor")})
	var ve *models.ValidationError
	if errors.As(err, &ve) {
		p.Errors, status = ve.Fields, http.StatusUnprocessableEntity
	} else if err != nil {
		return err
	}
	v.Query = filterQuery(v.Filter)
	p.Data = v
	return h.render(c, status, "attendees", p)
}

// filterQuery is the filter as a query string, for the CSV link and the next page.
func filterQuery(f models.AttendeeFilter) template.URL {
	q := url.Values{}
	for k, val := range map[string]string{"rsvp": f.RSVP, "mode": f.Mode, "q": f.Query} {
		if val != "" {
			q.Set(k, val)
		}
	}
	if f.Dietary {
		q.Set("dietary", "1")
	}
	return template.URL(q.Encode()) // url.Values.Encode escapes every value
}
