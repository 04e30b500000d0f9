package models

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// Bounds of a meetup's seats (and remote places) and of its length.
const (
	MaxCapacity        = 100000
	MaxDurationMinutes = 24 * 60
)

// ScheduleInput is what an organiser gives to schedule or reschedule a meetup. Omitted
// location, link and capacity keep the meetup's; remote_capacity 0 or omitted means no limit.
type ScheduleInput struct {
	StartsAt       string  `json:"starts_at"`
	EndsAt         string  `json:"ends_at"`
	Fold           string  `json:"fold"`
	Location       *string `json:"location"`
	OnlineURL      *string `json:"online_url"`
	Capacity       *int    `json:"capacity"`
	RemoteCapacity *int    `json:"remote_capacity"`
	// Reminders are minutes before the start (default 1440 and 60); [] for none, omitted keeps.
	Reminders *[]int `json:"reminders"`
}

// schedule is a checked ScheduleInput.
type schedule struct {
	Start, End     time.Time
	Location       string
	OnlineURL      string
	Capacity       int
	RemoteCapacity *int
	Reminders      *[]int
}

// check validates the input against the meetup and fills the defaults from it.
func (in ScheduleInput) check(m Meetup) (schedule, error) {
	sc := schedule{Location: m.Location, OnlineURL: m.OnlineURL, Capacity: m.Capacity, RemoteCapacity: in.RemoteCapacity,
		Reminders: in.Reminders}
	fe := FieldErrors{}
	checkReminders(fe, in.Reminders)
	if in.Location != nil {
		if k := lineProblem(*in.Location); k != "" {
			fe["location"] = k
		}
	}
	if in.OnlineURL != nil && !utf8.ValidString(*in.OnlineURL) {
		fe["online_url"] = "invalid_utf8"
	}
	if in.Location != nil {
		sc.Location = OneLine(*in.Location)
	}
	if in.OnlineURL != nil {
		sc.OnlineURL = OneLine(*in.OnlineURL)
	}
	if in.Capacity != nil {
		sc.Capacity = *in.Capacity
	}
	checkPlace(fe, sc)
	checkBetween(fe, "capacity", sc.Capacity, 1, MaxCapacity)
	if r := sc.RemoteCapacity; r != nil && (*r < 0 || *r > MaxCapacity) {
		checkBetween(fe, "remote_capacity", *r, 0, MaxCapacity)
	} else if r != nil && *r == 0 {
		sc.RemoteCapacity = nil
	}
	if in.Fold != "" && in.Fold != FoldEarlier && in.Fold != FoldLater {
		fe["fold"] = "invalid_fold"
	}
	var wall *WallTimeError
	sc.Start, sc.End, wall = in.times(m, fe)
	if wall != nil {
		return sc, fmt.Errorf("%w %w", Invalid(fe), wall)
	}
	return sc, Invalid(fe)
}

// times reads start and end in the meetup's zone; the end defaults to start + duration. A new
// start in the past is refused. Field errors go into fe; a DST problem is also returned for its details.
func (in ScheduleInput) times(m Meetup, fe FieldErrors) (time.Time, time.Time, *WallTimeError) {
	loc, err := time.LoadLocation(m.Timezone)
	if err != nil {
		fe["timezone"] = "unknown_timezone"
		return time.Time{}, time.Time{}, nil
	}
	if in.StartsAt == "" {
		fe["starts_at"] = "required"
		return time.Time{}, time.Time{}, nil
	}
	start, err := ParseMeetupTime("starts_at", in.StartsAt, loc, in.Fold)
	if err != nil {
		return start, start, collect(fe, err)
	}
	end := start.Add(time.Duration(m.DurationMinutes) * time.Minute)
	if in.EndsAt != "" {
		if end, err = ParseMeetupTime("ends_at", in.EndsAt, loc, in.Fold); err != nil {
			return start, end, collect(fe, err)
		}
	}
	if start.Before(time.Now()) && !sameMinute(m.StartsAt, start) {
		fe["starts_at"] = "in_past"
	}
	if !end.After(start) {
		fe["ends_at"] = "before_start"
	} else if end.Sub(start) > 7*24*time.Hour {
		fe["ends_at"] = "too_long_event"
	}
	return start, end, nil
}

// sameMinute reports whether a new start is the meetup's saved one, to the minute the forms
// show: a meetup that has begun may still change its place, but no new start may be in the past.
func sameMinute(saved *time.Time, start time.Time) bool {
	return saved != nil && saved.Truncate(time.Minute).Equal(start.Truncate(time.Minute))
}

// collect puts a parse error's fields into fe and returns its DST details, if any.
func collect(fe FieldErrors, err error) *WallTimeError {
	var ve *ValidationError
	if errors.As(err, &ve) {
		for k, v := range ve.Fields {
			fe[k] = v
		}
	}
	var we *WallTimeError
	if errors.As(err, &we) {
		return we
	}
	return nil
}

// PreviewSchedule checks a schedule against the meetup without saving it and returns its
// start and end, for the organiser to see the offsets and the audience's local times. Seats not
// given are not asked for, even when the meetup has none yet: only Schedule needs them.
func PreviewSchedule(m Meetup, in ScheduleInput) (start, end time.Time, err error) {
	if in.Capacity == nil {
		some := 1
		in.Capacity = &some
	}
	sc, err := in.check(m)
	return sc.Start, sc.End, err
}
