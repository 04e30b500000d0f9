package models

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Folds choose between the two instants of an ambiguous local time (the autumn DST overlap).
const (
	FoldEarlier = "earlier"
	FoldLater   = "later"
)

// WallTimeError explains a local time that does not exist (Kind "gap") or happens twice
// (Kind "ambiguous") in the meetup's time zone, with what the organiser can choose instead.
type WallTimeError struct {
	Field string
	Kind  string
	Wall  time.Time // the local time asked for, its clock reading carried in UTC
	Zone  string
	// Gap: the clocks jump from Before to After (local readings); Shifted is the time asked
	// for moved forward by the jump. Ambiguous: Earlier and Later are its two instants.
	Before, After  time.Time
	Shifted        time.Time
	Earlier, Later time.Time
}

// Error describes the problem in plain English for logs.
func (e *WallTimeError) Error() string {
	return fmt.Sprintf("%s: %s local time %s in %s", e.Field, e.Kind, e.Wall.Format("2006-01-02 15:04"), e.Zone)
}

// wallLayouts are the accepted forms of a time without an offset.
var wallLayouts = []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// ParseMeetupTime reads an RFC 3339 time, or a local time without an offset in loc. A local
// time in a DST gap is refused; one in an overlap needs fold ("earlier" or "later").
func ParseMeetupTime(field, s string, loc *time.Location, fold string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	for _, layout := range wallLayouts {
		if w, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return resolveWall(field, w, loc, fold)
		}
	}
	return time.Time{}, Invalid(FieldErrors{field: "invalid_time"})
}

// resolveWall finds the instants whose reading in loc is w, and picks one.
func resolveWall(field string, w time.Time, loc *time.Location, fold string) (time.Time, error) {
	cands := wallInstants(w, loc)
	switch {
	case len(cands) == 1:
		return cands[0], nil
	case len(cands) == 0:
		return time.Time{}, gapError(field, w, loc)
	case fold == FoldEarlier:
		return cands[0], nil
	case fold == FoldLater:
		return cands[len(cands)-1], nil
	}
	e := &WallTimeError{Field: field, Kind: "ambiguous", Wall: w, Zone: loc.String(),
		Earlier: cands[0].In(loc), Later: cands[len(cands)-1].In(loc)}
	return time.Time{}, withFields(e, "ambiguous_time")
}

// wallInstants lists, in order, the instants that read as w in loc: none in a gap, two in an overlap.
func wallInstants(w time.Time, loc *time.Location) []time.Time {
	seen := map[int]bool{}
	var out []time.Time
	for _, probe := range []time.Duration{-48 * time.Hour, 0, 48 * time.Hour} {
		_, off := w.Add(probe).In(loc).Zone()
		if seen[off] {
			continue
		}
		seen[off] = true
		t := w.Add(-time.Duration(off) * time.Second)
		if _, got := t.In(loc).Zone(); got == off {
			out = append(out, t.UTC())
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// gapError describes a local time skipped by a DST jump and the time it shifts to.
func gapError(field string, w time.Time, loc *time.Location) error {
	_, before := w.Add(-48 * time.Hour).In(loc).Zone()
	shifted := w.Add(-time.Duration(before) * time.Second).In(loc)
	start, _ := shifted.ZoneBounds()
	e := &WallTimeError{Field: field, Kind: "gap", Wall: w, Zone: loc.String(), Shifted: shifted,
		Before: start.UTC().Add(time.Duration(before) * time.Second), After: start.In(loc)}
	return withFields(e, "dst_gap")
}

// withFields joins a WallTimeError with the ValidationError a generic handler shows as 422.
func withFields(e *WallTimeError, key string) error {
	return fmt.Errorf("%w %w", Invalid(FieldErrors{e.Field: key}), e)
}
