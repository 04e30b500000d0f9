package models

import (
	"strings"
	"time"
)

// slotWallLayouts are the accepted forms of a time without an offset (a wall time in the meetup's zone).
var slotWallLayouts = []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// ParseSlotTime reads an RFC 3339 time, or a wall time in zone. It returns a message key on
// failure: "invalid_time", "nonexistent_time" (a DST gap) or "ambiguous_time" (a DST overlap
// without fold "earlier" or "later").
func ParseSlotTime(s string, loc *time.Location, fold string) (time.Time, string) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), ""
	}
	for _, layout := range slotWallLayouts {
		naive, err := time.Parse(layout, s)
		if err == nil {
			return resolveSlotWall(naive, loc, fold)
		}
	}
	return time.Time{}, "invalid_time"
}

// resolveSlotWall finds the instants whose local time in loc reads as naive (given in UTC fields).
func resolveSlotWall(naive time.Time, loc *time.Location, fold string) (time.Time, string) {
	var found []time.Time
	for _, probe := range []time.Time{naive.Add(-26 * time.Hour), naive.Add(26 * time.Hour)} {
		_, off := probe.In(loc).Zone()
		t := naive.Add(-time.Duration(off) * time.Second)
		if sameSlotWall(t.In(loc), naive) && (len(found) == 0 || !found[0].Equal(t)) {
			found = append(found, t)
		}
	}
	switch {
	case len(found) == 0:
		return time.Time{}, "nonexistent_time"
	case len(found) == 1:
		return found[0].UTC(), ""
	}
	earlier, later := found[0], found[1]
	if later.Before(earlier) {
		earlier, later = later, earlier
	}
	switch fold {
	case "earlier":
		return earlier.UTC(), ""
	case "later":
		return later.UTC(), ""
	}
	return time.Time{}, "ambiguous_time"
}

// sameSlotWall compares the calendar fields of a local time with a naive one.
func sameSlotWall(local, naive time.Time) bool {
	y1, m1, d1 := local.Date()
	y2, m2, d2 := naive.Date()
	return y1 == y2 && m1 == m2 && d1 == d2 && local.Hour() == naive.Hour() &&
		local.Minute() == naive.Minute() && local.Second() == naive.Second()
}
