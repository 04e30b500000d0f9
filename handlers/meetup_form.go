package handlers

import (
	"errors"
	"strconv"
	"strings"

	"github.com/convene/convene/models"
)

// meetupForm is the meetup create and edit form; numbers stay text so a bad entry comes back as typed.
type meetupForm struct {
	Title       string `form:"title"`
	Description string `form:"description"`
	Format      string `form:"format"`
	AudienceID  string `form:"audience_id"`
	Timezone    string `form:"timezone"`
	Duration    string `form:"duration_minutes"`
	Capacity    string `form:"capacity"`
	Location    string `form:"location"`
	OnlineURL   string `form:"online_url"`
	SeriesID    string `form:"series_id"`
	NewSeries   string `form:"new_series"`
	TimingForm
}

// formOfMeetup fills the form from a stored meetup, the reminders in lang's units.
func formOfMeetup(m models.Meetup, lang string) meetupForm {
	f := meetupForm{Title: m.Title, Description: m.Description, Format: m.Format, Timezone: m.Timezone,
		Duration: strconv.Itoa(m.DurationMinutes), Capacity: strconv.Itoa(m.Capacity), Location: m.Location,
		OnlineURL: m.OnlineURL, TimingForm: timingOfMeetup(m, lang)}
	if m.AudienceID != nil {
		f.AudienceID = *m.AudienceID
	}
	if m.SeriesID != nil {
		f.SeriesID = *m.SeriesID
	}
	return f
}

// numbers reads the two number fields (empty is 0: the default), flagging text that is not a
// number and a length of 0 minutes (which would be taken as 60); a number too large to be one
// comes back as the largest int, which the model's bounds then refuse.
func (f meetupForm) numbers(fe models.FieldErrors) (duration, capacity int) {
	read := func(field, s string) int {
		s = strings.TrimSpace(s)
		if s == "" {
			return 0
		}
		n, err := formInt(s)
		if err != nil {
			fe[field] = "not_a_number"
		}
		return n
	}
	d := read("duration_minutes", f.Duration)
	if d == 0 && strings.TrimSpace(f.Duration) != "" && fe["duration_minutes"] == "" {
		fe["duration_minutes"] = models.AtLeast(1)
	}
	return d, read("capacity", f.Capacity)
}

// formInt reads a whole number; one too large (or small) for an int is the largest (or
// smallest) int, so a range check names the bound instead of calling it "not a number".
func formInt(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if errors.Is(err, strconv.ErrRange) {
		return n, nil // Atoi gives the int's bound of the number's sign
	}
	return n, err
}

// newMeetup turns the form into a new meetup, or the number fields' errors.
func (f meetupForm) newMeetup() (models.NewMeetup, models.FieldErrors) {
	fe := models.FieldErrors{}
	d, cp := f.numbers(fe)
	aud, ser := f.AudienceID, f.SeriesID
	nm := models.NewMeetup{Title: f.Title, Description: f.Description, Format: f.Format, AudienceID: &aud,
		Timezone: f.Timezone, DurationMinutes: d, Capacity: cp, Location: f.Location, OnlineURL: f.OnlineURL,
		SeriesID: &ser}
	if len(fe) > 0 { // report the other fields' problems too
		addMissing(fe, nm.Check())
	}
	return nm, fe
}

// patch turns the form into a patch of every field, or the number and timing fields' errors.
func (f meetupForm) patch() (models.MeetupPatch, models.FieldErrors) {
	nm, fe := f.newMeetup()
	if nm.DurationMinutes == 0 {
		nm.DurationMinutes = 60
	}
	timing := f.timing(fe)
	if len(fe) > 0 { // the timing's problems alone still show the other fields' ones
		addMissing(fe, nm.Check())
	}
	return models.MeetupPatch{Title: &nm.Title, Description: &nm.Description, Format: &nm.Format,
		AudienceID: nm.AudienceID, Timezone: &nm.Timezone, DurationMinutes: &nm.DurationMinutes,
		Capacity: &nm.Capacity, Location: &nm.Location, OnlineURL: &nm.OnlineURL, SeriesID: nm.SeriesID,
		MeetupTiming: timing}, fe
}

// addMissing copies into fe the errors of fields it has none for.
func addMissing(fe, more models.FieldErrors) {
	for k, v := range more {
		if _, ok := fe[k]; !ok {
			fe[k] = v
		}
	}
}
