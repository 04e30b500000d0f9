package handlers

import (
	"strconv"
	"strings"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// attendeesHeader is the CSV export's header row.
var attendeesHeader = [...]string{"email", "name", "role", "rsvp", "waitlist_position", "mode", "dietary", "checked_in", "answered_at"}

// APIAttendeesCSV exports the attendee list (GET /api/v1/meetups/{id}/attendees.csv), safe to
// open in a spreadsheet; the export is recorded in the audit log.
func (h *Handlers) APIAttendeesCSV(c echo.Context) error {
	m, err := h.teamMeetup(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	list, err := h.Store.AllAttendees(ctx, m.TeamID, m.ID, attendeeFilter(c))
	if err != nil {
		return err
	}
	u := currentUser(c)
	if err := models.Audit(ctx, h.Store.DB, u.TeamID, u.ID, "attendees.export", m.ID, map[string]any{"rows": len(list)}); err != nil {
		return err
	}
	rows := make([][]string, len(list))
	for i, a := range list {
		rows[i] = attendeeRecord(a)
	}
	return writeSafeCSV(c, "attendees-"+m.ID+".csv", attendeesHeader[:], rows)
}

// attendeeRecord is one CSV row (writeSafeCSV defuses its cells).
func attendeeRecord(a models.Attendee) []string {
	pos, answered, mode := "", "", ""
	if a.ShowsMode() {
		mode = a.Mode
	}
	if a.WaitlistPosition != nil {
		pos = strconv.Itoa(*a.WaitlistPosition)
	}
	if a.AnsweredAt != nil {
		answered = a.AnsweredAt.UTC().Format(time.RFC3339)
	}
	return []string{a.Email, a.Name, a.Role, a.RSVP, pos, mode, a.Dietary, strconv.FormatBool(a.CheckedIn), answered}
}

// safeCell keeps a spreadsheet from reading a cell as a formula: a leading = + - @ TAB or CR
// gets a ' in front.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
