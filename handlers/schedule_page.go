package handlers

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// scheduleForm is the schedule page's form; times are wall times in the meetup's zone.
type scheduleForm struct {
	StartsAt       string `form:"starts_at"`
	EndsAt         string `form:"ends_at"`
	Fold           string `form:"fold"`
	Location       string `form:"location"`
	OnlineURL      string `form:"online_url"`
	Capacity       string `form:"capacity"`
	RemoteCapacity string `form:"remote_capacity"`
	Reminders      string `form:"reminders"`
	Reason         string `form:"-"` // the cancel form's, shown again when it is refused
}

// SchedulePage shows the schedule form, filled from the meetup.
func (h *Handlers) SchedulePage(c echo.Context) error {
	m, f, err := h.savedSchedule(c, c.Param("id"))
	if err != nil {
		return err
	}
	return h.renderSchedule(c, http.StatusOK, m, f, nil)
}

// savedSchedule loads the meetup and its schedule form as saved.
func (h *Handlers) savedSchedule(c echo.Context, id string) (models.Meetup, scheduleForm, error) {
	m, err := h.Store.GetMeetup(c.Request().Context(), currentUser(c).TeamID, id)
	if err != nil {
		return m, scheduleForm{}, err
	}
	rem, err := h.Store.MeetupReminders(c.Request().Context(), m.ID)
	if err != nil {
		return m, scheduleForm{}, err
	}
	f := scheduleForm{Location: m.Location, OnlineURL: m.OnlineURL, Reminders: formatLeads(rem, h.uiLang(c))}
	if m.Capacity > 0 { // 0: the room's seats are not decided yet, asked for here
		f.Capacity = strconv.Itoa(m.Capacity)
	}
	if m.RemoteCapacity != nil {
		f.RemoteCapacity = strconv.Itoa(*m.RemoteCapacity)
	}
	start, end := m.StartsAt, m.EndsAt
	if start == nil || end == nil {
		if start, end, err = h.lineupTimes(c, m); err != nil {
			return m, f, err
		}
	}
	if start != nil && end != nil {
		loc := zoneOrUTC(m.Timezone)
		f.StartsAt, f.EndsAt = start.In(loc).Format("2006-01-02T15:04"), end.In(loc).Format("2006-01-02T15:04")
	}
	return m, f, nil
}

// lineupTimes is when the confirmed speakers' slots begin and end, the times an unscheduled
// meetup's form suggests; nil when nobody is confirmed.
func (h *Handlers) lineupTimes(c echo.Context, m models.Meetup) (start, end *time.Time, err error) {
	l, err := models.ConfirmedLineupIn(c.Request().Context(), h.Store.DB, m.TeamID, m.ID)
	for _, s := range l.Speakers {
		if start == nil || s.StartsAt.Before(*start) {
			start = &s.StartsAt
		}
		if end == nil || s.EndsAt.After(*end) {
			end = &s.EndsAt
		}
	}
	return start, end, err
}

// ScheduleForm previews or saves the schedule form; a DST problem re-renders it with a choice.
func (h *Handlers) ScheduleForm(c echo.Context) error {
	ctx := c.Request().Context()
	m, err := h.Store.GetMeetup(ctx, currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	var f scheduleForm
	if err := c.Bind(&f); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	if s := c.FormValue("use_start"); s != "" {
		f.StartsAt, f.Fold = s, ""
	}
	save := c.FormValue("action") == "save"
	in, err := f.input(save)
	if err != nil {
		err = withPreviewErrors(m, in, err)
	}
	if err == nil && save {
		_, err = h.Store.Schedule(ctx, m.TeamID, currentUser(c).ID, m.ID, in, h.rsvpNotifier(), h.meetupBroadcaster())
		if err == nil {
			h.flash(c, "schedule.saved")
			return redirect(c, "/meetups/"+m.ID)
		}
	}
	if err == nil {
		_, _, err = models.PreviewSchedule(m, in)
	}
	var ve *models.ValidationError
	if err != nil && !errors.As(err, &ve) {
		return err
	}
	status := http.StatusOK
	if err != nil {
		status = http.StatusUnprocessableEntity
	}
	return h.renderSchedule(c, status, m, f, err)
}

// input turns the form into the model's input; numbers that are not numbers are field errors.
// Empty seats are an error only when saving: a preview is of the time, and does not need them.
func (f scheduleForm) input(save bool) (models.ScheduleInput, error) {
	in := models.ScheduleInput{StartsAt: f.StartsAt, EndsAt: f.EndsAt, Fold: f.Fold, Location: &f.Location, OnlineURL: &f.OnlineURL}
	fe := models.FieldErrors{}
	switch n, err := formInt(strings.TrimSpace(f.Capacity)); {
	case strings.TrimSpace(f.Capacity) == "":
		if save {
			fe["capacity"] = "required"
		}
	case err != nil:
		fe["capacity"] = "not_a_number"
	default:
		in.Capacity = &n
	}
	if s := strings.TrimSpace(f.RemoteCapacity); s != "" {
		if n, err := formInt(s); err == nil {
			in.RemoteCapacity = &n
		} else {
			fe["remote_capacity"] = "not_a_number"
		}
	}
	rem, ok := parseLeads(f.Reminders) // empty: no reminders
	if !ok {
		fe["reminders"] = "reminder_format"
	}
	in.Reminders = &rem
	return in, models.Invalid(fe)
}

// withPreviewErrors adds to the form's own field errors (numbers that are not numbers) those the
// model finds in the rest of the input, so every problem shows at once; the form's own win.
func withPreviewErrors(m models.Meetup, in models.ScheduleInput, formErr error) error {
	fe := fieldErrors(formErr)
	_, _, err := models.PreviewSchedule(m, in)
	for field, key := range fieldErrors(err) {
		if _, ok := fe[field]; !ok {
			fe[field] = key
		}
	}
	return models.Invalid(fe)
}
