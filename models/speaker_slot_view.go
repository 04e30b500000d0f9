package models

import (
	"cmp"
	"slices"
	"time"
)

// The audience's day: working hours and the lunch window, in each member's local time.
const (
	workStartHour  = 9
	workEndHour    = 18
	lunchStartHour = 12
	lunchEndHour   = 14
)

// SlotZone is how a slot falls in one time zone of the audience.
type SlotZone struct {
	Zone       string    `json:"zone"`
	People     int       `json:"people"`
	LocalStart time.Time `json:"local_start"`
	LocalEnd   time.Time `json:"local_end"`
	Working    bool      `json:"working_hours"`
	Lunch      bool      `json:"lunch"`
}

// SlotAudience is the audience's view of a slot: local times and the share it suits.
type SlotAudience struct {
	People       int        `json:"people"`
	Working      int        `json:"working_hours"`
	Lunch        int        `json:"lunch"`
	WorkingShare float64    `json:"working_hours_share"`
	LunchShare   float64    `json:"lunch_share"`
	Zones        []SlotZone `json:"zones"`
}

// ViewSlot computes the audience's view of a slot from the members' time zones; an unknown zone counts as UTC.
func ViewSlot(start, end time.Time, zones []ZonePeople) SlotAudience {
	var v SlotAudience
	for _, z := range zones {
		loc, err := time.LoadLocation(z.Zone)
		if err != nil || z.Zone == "Local" {
			loc = time.UTC
		}
		sz := SlotZone{Zone: z.Zone, People: z.People, LocalStart: start.In(loc), LocalEnd: end.In(loc)}
		sz.Working = inWorkingHours(sz.LocalStart, sz.LocalEnd)
		sz.Lunch = overlapsLunch(sz.LocalStart, sz.LocalEnd)
		v.People += z.People
		if sz.Working {
			v.Working += z.People
		}
		if sz.Lunch {
			v.Lunch += z.People
		}
		v.Zones = append(v.Zones, sz)
	}
	if v.People > 0 {
		v.WorkingShare = float64(v.Working) / float64(v.People)
		v.LunchShare = float64(v.Lunch) / float64(v.People)
	}
	slices.SortStableFunc(v.Zones, func(a, b SlotZone) int {
		_, oa := a.LocalStart.Zone()
		_, ob := b.LocalStart.Zone()
		return cmp.Or(cmp.Compare(ob, oa), cmp.Compare(a.Zone, b.Zone))
	})
	return v
}

// inWorkingHours: a weekday, starting at 09:00 or later and ending by 18:00 the same day.
func inWorkingHours(s, e time.Time) bool {
	if s.Weekday() == time.Saturday || s.Weekday() == time.Sunday {
		return false
	}
	dayStart := time.Date(s.Year(), s.Month(), s.Day(), workStartHour, 0, 0, 0, s.Location())
	dayEnd := time.Date(s.Year(), s.Month(), s.Day(), workEndHour, 0, 0, 0, s.Location())
	return !s.Before(dayStart) && !e.After(dayEnd)
}

// overlapsLunch: the slot shares some time with 12:00–14:00 on the day it starts.
func overlapsLunch(s, e time.Time) bool {
	ls := time.Date(s.Year(), s.Month(), s.Day(), lunchStartHour, 0, 0, 0, s.Location())
	le := time.Date(s.Year(), s.Month(), s.Day(), lunchEndHour, 0, 0, 0, s.Location())
	return s.Before(le) && e.After(ls)
}
