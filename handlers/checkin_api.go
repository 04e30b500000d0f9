package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// attendanceBody is the body of POST and DELETE /api/v1/meetups/{id}/attendance.
type attendanceBody struct {
	Emails    []string `json:"emails"`
	WalkIn    bool     `json:"walk_in"`
	CheckedIn *bool    `json:"checked_in"`
}

// APIAttendance checks people in by address; "walk_in": true adds those not invited as
// walk-ins, "checked_in": false takes check-ins back.
func (h *Handlers) APIAttendance(c echo.Context) error {
	return h.apiAttendance(c, false)
}

// APIAttendanceUndo takes check-ins back (DELETE /api/v1/meetups/{id}/attendance).
func (h *Handlers) APIAttendanceUndo(c echo.Context) error {
	return h.apiAttendance(c, true)
}

// apiAttendance binds the body, records the batch and answers with the people and counts.
func (h *Handlers) apiAttendance(c echo.Context, undo bool) error {
	m, err := h.teamMeetup(c)
	if err != nil {
		return err
	}
	var b attendanceBody
	if err := bindJSON(c, &b); err != nil {
		return err
	}
	u := currentUser(c)
	a := models.Attendance{TeamID: u.TeamID, UserID: u.ID, MeetupID: m.ID, WalkIn: b.WalkIn,
		Undo: undo || (b.CheckedIn != nil && !*b.CheckedIn)}
	for _, e := range b.Emails {
		a.People = append(a.People, models.Arrival{Email: e})
	}
	res, err := h.Store.RecordAttendance(c.Request().Context(), a)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}
