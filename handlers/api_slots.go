package handlers

import (
	"context"
	"net/http"
	"strings"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// slotView is a candidate slot with the audience's view of it.
type slotView struct {
	models.Slot
	Audience models.SlotAudience `json:"audience"`
}

// slotViews lists a meetup's slots, each with the local times and shares of its audience.
func (h *Handlers) slotViews(ctx context.Context, team, meetupID string) ([]slotView, error) {
	slots, err := h.Store.ListSlots(ctx, team, meetupID)
	if err != nil {
		return nil, err
	}
	zones, err := h.Store.AudienceTimeZones(ctx, meetupID)
	if err != nil {
		return nil, err
	}
	out := make([]slotView, 0, len(slots))
	for _, s := range slots {
		out = append(out, slotView{Slot: s, Audience: models.ViewSlot(s.StartsAt, s.EndsAt, zones)})
	}
	return out, nil
}

// APIListSlots returns a meetup's candidate slots with the audience's view of each, and the
// warnings of the lineup.
func (h *Handlers) APIListSlots(c echo.Context) error {
	ctx, team := c.Request().Context(), currentUser(c).TeamID
	m, err := h.Store.GetMeetup(ctx, team, c.Param("id"))
	if err != nil {
		return err
	}
	items, err := h.slotViews(ctx, team, m.ID)
	if err != nil {
		return err
	}
	w, err := h.lineupWarnings(c, m)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, warnedList[slotView]{Items: items, Warnings: w})
}

// APIAddSlot adds a candidate slot: RFC 3339 times, or wall times in the meetup's zone.
func (h *Handlers) APIAddSlot(c echo.Context) error {
	var in models.SlotInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	ctx, team := c.Request().Context(), currentUser(c).TeamID
	sl, err := h.Store.AddSlot(ctx, team, c.Param("id"), in)
	if err != nil {
		return err
	}
	zones, err := h.Store.AudienceTimeZones(ctx, sl.MeetupID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, slotView{Slot: sl, Audience: models.ViewSlot(sl.StartsAt, sl.EndsAt, zones)})
}

// APIDeleteSlot removes a slot nobody holds or is asked to confirm (409 otherwise).
func (h *Handlers) APIDeleteSlot(c echo.Context) error {
	err := h.Store.DeleteSlot(c.Request().Context(), currentUser(c).TeamID, c.Param("id"), c.Param("sid"))
	if err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// APISpeakerSettings sets the meetup's follow-up delay: {"follow_up_days": 1–60}.
func (h *Handlers) APISpeakerSettings(c echo.Context) error {
	var in struct {
		FollowUpDays int `json:"follow_up_days"`
	}
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	err := h.Store.SetFollowUpDays(c.Request().Context(), currentUser(c).TeamID, c.Param("id"), in.FollowUpDays)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, in)
}

// splitTerms reads a comma-separated list, dropping blanks.
func splitTerms(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" && len(out) < 50 {
			out = append(out, t)
		}
	}
	return out
}
