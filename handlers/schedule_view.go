package handlers

import (
	"errors"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// scheduleView is what the schedule page template gets in Page.Data.
type scheduleView struct {
	Meetup      models.Meetup
	LineupSlots int // slots of the lineup a new start of the scheduled meetup moves
	Preview     *schedulePreview
	Wall        *models.WallTimeError
	WallMessage string
	ShiftedWall string
	EarlierAt   string
	LaterAt     string
}

// schedulePreview shows a valid time in the meetup's zone, in UTC and in the audience's zones.
type schedulePreview struct {
	When  string
	UTC   string
	Past  bool
	Zones []zoneTime
}

// zoneTime is the meetup's time as the people of one zone read it.
type zoneTime struct {
	Zone  string
	Count int
	When  string
}

// renderSchedule renders the schedule page, with the error's fields or DST choice, or a preview.
func (h *Handlers) renderSchedule(c echo.Context, status int, m models.Meetup, f scheduleForm, err error) error {
	p := h.newPage(c, "schedule.title", "meetups")
	p.Form = f
	v := scheduleView{Meetup: m}
	if m.StartsAt != nil {
		n, err := h.Store.LineupSlotCount(c.Request().Context(), m.TeamID, m.ID)
		if err != nil {
			return err
		}
		v.LineupSlots = n
	}
	var ve *models.ValidationError
	if errors.As(err, &ve) {
		p.Errors = ve.Fields
	}
	if errors.As(err, &v.Wall) {
		v.WallMessage = wallTimeMessage(p.Translator, v.Wall)
		delete(p.Errors, v.Wall.Field)
		v.ShiftedWall = v.Wall.Shifted.Format("2006-01-02T15:04")
		v.EarlierAt, v.LaterAt = formatClock(v.Wall.Earlier, p.Lang), formatClock(v.Wall.Later, p.Lang)
	}
	if err == nil && f.StartsAt != "" {
		pv, perr := h.schedulePreview(c, m, f, p.Lang)
		if perr != nil {
			return perr
		}
		v.Preview = pv
	}
	p.Data = v
	return h.render(c, status, "schedule", p)
}

// schedulePreview computes the preview of a valid form, or nil when it is not valid.
func (h *Handlers) schedulePreview(c echo.Context, m models.Meetup, f scheduleForm, lang string) (*schedulePreview, error) {
	in, err := f.input(false)
	if err != nil {
		return nil, nil
	}
	start, end, err := models.PreviewSchedule(m, in)
	if err != nil {
		return nil, nil
	}
	zones, err := h.Store.AudienceZones(c.Request().Context(), m.TeamID, m.ID)
	if err != nil {
		return nil, err
	}
	pv := &schedulePreview{When: formatWhen(start, end, m.Timezone, lang), Past: start.Before(time.Now()),
		UTC: start.UTC().Format("2006-01-02 15:04") + "–" + end.UTC().Format("15:04") + " UTC"}
	for _, z := range zones {
		pv.Zones = append(pv.Zones, zoneTime{Zone: z.Zone, Count: z.Count, When: formatWhen(start, end, z.Zone, lang)})
	}
	return pv, nil
}
