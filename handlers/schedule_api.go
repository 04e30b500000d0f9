package handlers

import (
	"errors"
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// scheduledResponse is the meetup after scheduling, with what changed for those invited.
type scheduledResponse struct {
	models.Meetup
	Changes []string `json:"changes"`
}

// APISchedule sets a meetup's time, place and capacity (POST /api/v1/meetups/{id}/schedule).
func (h *Handlers) APISchedule(c echo.Context) error {
	var in models.ScheduleInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	out, err := h.Store.Schedule(c.Request().Context(), currentUser(c).TeamID, currentUser(c).ID, c.Param("id"), in, h.rsvpNotifier(), h.meetupBroadcaster())
	var we *models.WallTimeError
	if errors.As(err, &we) {
		return h.wallTimeAPIError(c, we, err)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, scheduledResponse{Meetup: out.Meetup, Changes: out.Changes})
}

// wallTimeBody is the API error for a local time in a DST gap or overlap: the usual error with
// the shifted time (gap) or the two instants to choose from with "fold" (overlap).
type wallTimeBody struct {
	apiError
	Suggested string            `json:"suggested,omitempty"`
	Choices   map[string]string `json:"choices,omitempty"`
}

// wallTimeAPIError answers 422 with a message naming the problem and what to send instead, and
// the messages of err's other field errors (a fold that is neither earlier nor later…).
func (h *Handlers) wallTimeAPIError(c echo.Context, we *models.WallTimeError, err error) error {
	tr := h.Views.NewTranslator(h.requestLang(c, currentUser(c)))
	fields := map[string]string{}
	for f, key := range fieldErrors(err) {
		fields[f] = fieldMessage(tr, key)
	}
	fields[we.Field] = wallTimeMessage(tr, we)
	body := wallTimeBody{apiError: apiError{Code: "invalid", Message: tr.T("error.invalid"),
		Fields: fields, RequestID: c.Response().Header().Get(echo.HeaderXRequestID)}}
	if we.Kind == "gap" {
		body.Suggested = we.Shifted.Format("2006-01-02T15:04:05-07:00")
	} else {
		body.Choices = map[string]string{
			models.FoldEarlier: we.Earlier.Format("2006-01-02T15:04:05-07:00"),
			models.FoldLater:   we.Later.Format("2006-01-02T15:04:05-07:00"),
		}
	}
	return c.JSON(http.StatusUnprocessableEntity, map[string]wallTimeBody{"error": body})
}

// wallTimeMessage explains a DST gap or overlap in the reader's language.
func wallTimeMessage(tr Translator, we *models.WallTimeError) string {
	wall := we.Wall.Format("2006-01-02 15:04")
	if we.Kind == "gap" {
		return tr.T("schedule.gap", "Wall", wall, "Zone", we.Zone, "Before", we.Before.Format("15:04"),
			"After", we.After.Format("15:04"), "Shifted", formatClock(we.Shifted, tr.Lang))
	}
	return tr.T("schedule.ambiguous", "Wall", wall, "Zone", we.Zone,
		"Earlier", utcOffset(we.Earlier), "Later", utcOffset(we.Later))
}
