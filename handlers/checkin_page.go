package handlers

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// checkinView is what the check-in page template gets in Page.Data.
type checkinView struct {
	Meetup models.Meetup
	People []models.DoorEntry
	Counts models.DoorCounts
	// Counter is Counts in words.
	Counter doorCounter
	Query   string
	Open    bool // the meetup takes check-ins: scheduled and not cancelled
}

// walkInForm is the walk-in form at the door.
type walkInForm struct {
	Email string `form:"email"`
	Name  string `form:"name"`
	Query string `form:"q"`
}

// CheckinPage is the organiser's list at the door: search, a tick per person, the counts and
// the walk-in form (GET /meetups/{id}/checkin?q=).
func (h *Handlers) CheckinPage(c echo.Context) error {
	return h.renderCheckin(c, http.StatusOK, walkInForm{Query: c.QueryParam("q")}, nil)
}

// renderCheckin renders the check-in page with the walk-in form and its errors.
func (h *Handlers) renderCheckin(c echo.Context, status int, f walkInForm, fe models.FieldErrors) error {
	m, err := h.teamMeetup(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	v := checkinView{Meetup: m, Query: f.Query, Open: m.StartsAt != nil && m.Stage != models.StageCancelled}
	p := h.newPage(c, "checkin.title", "meetups")
	v.People, err = h.Store.DoorList(ctx, m.TeamID, m.ID, f.Query)
	if fe2 := fieldErrors(err); fe2 != nil {
		v.Query, fe, status = "", fe2, http.StatusUnprocessableEntity
		v.People, err = h.Store.DoorList(ctx, m.TeamID, m.ID, "")
	}
	if err != nil {
		return err
	}
	if v.Counts, err = h.Store.DoorCounts(ctx, m.TeamID, m.ID); err != nil {
		return err
	}
	v.Counter = newDoorCounter(p.Translator, v.Counts)
	p.Form, p.Errors, p.Data = f, fe, v
	return h.render(c, status, "checkin", p)
}

// CheckinTick checks one person in, or out with undo=1 (POST /meetups/{id}/checkin/{person}).
// A script asking for JSON gets the person, the counts and the page's counter; a form gets the
// page again.
func (h *Handlers) CheckinTick(c echo.Context) error {
	u, ctx := currentUser(c), c.Request().Context()
	per, err := h.Store.GetPerson(ctx, u.TeamID, c.Param("person"))
	if err != nil {
		return err
	}
	a := models.Attendance{TeamID: u.TeamID, UserID: u.ID, MeetupID: c.Param("id"),
		People: []models.Arrival{{Email: per.Email}}, Undo: c.FormValue("undo") == "1"}
	res, err := h.Store.RecordAttendance(ctx, a)
	if err != nil {
		return err
	}
	if wantsJSON(c) {
		tr := h.Views.NewTranslator(h.requestLang(c, u))
		return c.JSON(http.StatusOK, tickAnswer{AttendanceResult: res, Counter: newDoorCounter(tr, res.Counts)})
	}
	return redirect(c, checkinURL(a.MeetupID, c.FormValue("q"))+"#p-"+per.ID)
}

// CheckinWalkIn adds someone who was not invited, by address and name, checked in
// (POST /meetups/{id}/checkin/walk-in); a bad address comes back with 422 and the input kept.
func (h *Handlers) CheckinWalkIn(c echo.Context) error {
	var f walkInForm
	if err := bindForm(c, &f); err != nil {
		return err
	}
	u := currentUser(c)
	a := models.Attendance{TeamID: u.TeamID, UserID: u.ID, MeetupID: c.Param("id"), WalkIn: true,
		People: []models.Arrival{{Email: f.Email, Name: f.Name}}}
	_, err := h.Store.RecordAttendance(c.Request().Context(), a)
	var ve *models.ValidationError
	if errors.As(err, &ve) && ve.Fields["meetup"] == "" {
		return h.renderCheckin(c, http.StatusUnprocessableEntity, f, walkInErrors(ve.Fields))
	}
	if err != nil {
		return err
	}
	h.flash(c, "checkin.walk_in_added")
	return redirect(c, checkinURL(a.MeetupID, f.Query))
}

// walkInErrors names the walk-in form's fields in the batch's field errors.
func walkInErrors(fe models.FieldErrors) models.FieldErrors {
	out := models.FieldErrors{}
	for k, v := range fe {
		switch k {
		case "names[0]":
			out["name"] = v
		default:
			out["email"] = v
		}
	}
	return out
}

// checkinURL is the check-in page, keeping the search.
func checkinURL(meetupID, q string) string {
	u := "/meetups/" + meetupID + "/checkin"
	if q != "" {
		u += "?q=" + url.QueryEscape(q)
	}
	return u
}

// wantsJSON reports whether the request asked for a JSON answer.
func wantsJSON(c echo.Context) bool {
	return c.Request().Header.Get(echo.HeaderAccept) == echo.MIMEApplicationJSON
}
