package handlers

import (
	"net/http"
	"strings"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// attendanceBody is the body of POST and DELETE /api/v1/meetups/{id}/attendance.
type attendanceBody struct {
	Emails    []string          `json:"emails"`
	WalkIn    bool              `json:"walk_in"`
	Names     map[string]string `json:"names"` // address → name, for walk-ins new to the directory
	CheckedIn *bool             `json:"checked_in"`
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
	if a.People, err = b.arrivals(); err != nil {
		return err
	}
	res, err := h.Store.RecordAttendance(c.Request().Context(), a)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}

// arrivals pairs each address with its name from "names" (matched case-insensitively); a name
// for an address the batch does not list is refused, as a likely typo.
func (b attendanceBody) arrivals() ([]models.Arrival, error) {
	names := make(map[string]string, len(b.Names))
	for e, n := range b.Names {
		names[strings.ToLower(strings.TrimSpace(e))] = n
	}
	out := make([]models.Arrival, 0, len(b.Emails))
	for _, e := range b.Emails {
		key := strings.ToLower(strings.TrimSpace(e))
		out = append(out, models.Arrival{Email: e, Name: names[key]})
		delete(names, key)
	}
	if len(names) > 0 {
		return nil, &models.ValidationError{Fields: models.FieldErrors{"names": "not_in_emails"}}
	}
	return out, nil
}
