package handlers

import (
	"errors"
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// APIUpdateMeetup changes a meetup's fields; on a scheduled meetup a change of time or place is a
// reschedule that mails everyone invited an update (same UID, SEQUENCE + 1).
func (h *Handlers) APIUpdateMeetup(c echo.Context) error {
	var e models.MeetupEdit
	if err := bindJSON(c, &e); err != nil {
		return err
	}
	u := currentUser(c)
	m, err := h.Store.EditMeetup(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), e, h.rsvpNotifier(), h.meetupBroadcaster())
	var we *models.WallTimeError
	if errors.As(err, &we) {
		return h.wallTimeAPIError(c, we, err)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, m)
}

// topicInput is the topic set on the meetup page.
type topicInput struct {
	Topic string `json:"topic" form:"topic"`
}
