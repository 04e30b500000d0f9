package models

import (
	"net/url"
	"slices"
	"strings"
)

// normalize trims and defaults the fields and reports every invalid one.
func (nm *NewMeetup) normalize() error {
	fe := FieldErrors{}
	if k := cleanLine(&nm.Title, 200); k != "" {
		fe["title"] = k
	} else if nm.Title == "" {
		fe["title"] = "required"
	}
	if nm.Format == "" {
		nm.Format = "talk"
	}
	if !slices.Contains(Formats, nm.Format) {
		fe["format"] = "invalid_choice"
	}
	if nm.Timezone == "" {
		nm.Timezone = "UTC"
	}
	var ok bool
	if nm.Timezone, ok = (Zones{}).knownZone(strings.TrimSpace(nm.Timezone)); !ok {
		fe["timezone"] = "unknown_timezone"
	}
	if nm.DurationMinutes == 0 {
		nm.DurationMinutes = 60
	}
	checkBetween(fe, "duration_minutes", nm.DurationMinutes, 1, MaxDurationMinutes)
	checkBetween(fe, "capacity", nm.Capacity, 0, MaxCapacity)
	checkMeetupText(fe, nm)
	checkOptionalID(fe, "audience_id", &nm.AudienceID)
	checkOptionalID(fe, "series_id", &nm.SeriesID)
	if nm.Stage == "" {
		nm.Stage = StageAudience
	}
	return Invalid(fe)
}

// checkOptionalID clears an empty id and flags a malformed one.
func checkOptionalID(fe FieldErrors, field string, id **string) {
	if *id == nil {
		return
	}
	if **id == "" {
		*id = nil
		return
	}
	if !IsUUID(**id) {
		fe[field] = "not_found"
	}
}

// checkMeetupText trims the free-text fields and checks their lengths and the online link.
func checkMeetupText(fe FieldErrors, nm *NewMeetup) {
	nm.Description = strings.TrimSpace(nm.Description)
	locationProblem := cleanLine(&nm.Location, maxTextLen)
	nm.OnlineURL = strings.TrimSpace(nm.OnlineURL)
	if k := textProblem(nm.Description, 10000); k != "" {
		fe["description"] = k
	}
	if locationProblem != "" {
		fe["location"] = locationProblem
	}
	if nm.OnlineURL == "" {
		return
	}
	u, err := url.Parse(nm.OnlineURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(nm.OnlineURL) > 2000 {
		fe["online_url"] = "invalid_url"
	}
}

// Check reports every invalid field of a meetup without saving it, for forms that found problems of their own.
func (nm NewMeetup) Check() FieldErrors {
	if ve, ok := nm.normalize().(*ValidationError); ok {
		return ve.Fields
	}
	return FieldErrors{}
}
