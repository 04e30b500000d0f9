package mailer

import (
	"fmt"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // any IANA zone works, whatever the host has installed
)

// Russian day and month names (months in the genitive: "3 декабря").
var (
	ruWeekdays = [7]string{"вс", "пн", "вт", "ср", "чт", "пт", "сб"}
	ruMonths   = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"}
)

// FormatWhen formats a meetup's time range for a person in zone tz with its UTC offset,
// e.g. "Thu 3 Dec 2026, 12:30–13:30 (Europe/Kyiv, UTC+02:00)"; an unknown zone shows UTC.
func FormatWhen(start, end time.Time, tz, lang string) string {
	loc := zoneOrUTC(tz)
	s, e := start.In(loc), end.In(loc)
	ru := matchLang(lang) == "ru"
	out := formatDay(s, ru) + ", " + s.Format("15:04")
	switch {
	case end.IsZero() || !end.After(start):
	case sameDay(s, e):
		out += "–" + e.Format("15:04")
	default:
		out += " – " + formatDay(e, ru) + ", " + e.Format("15:04")
	}
	return fmt.Sprintf("%s (%s, %s)", out, loc.String(), offsets(s, e, end.After(start)))
}

// zoneOrUTC loads an IANA zone; an empty, unknown or "Local" zone gives UTC.
func zoneOrUTC(tz string) *time.Location { return ZoneOrUTC(tz) }

// zones caches loaded zones by name: time.LoadLocation reads the zone file on every call.
var zones sync.Map

// ZoneOrUTC loads an IANA zone once per process; an empty, unknown or "Local" zone gives UTC.
func ZoneOrUTC(tz string) *time.Location {
	if tz == "" || tz == "Local" {
		return time.UTC
	}
	if loc, ok := zones.Load(tz); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return time.UTC
	}
	zones.Store(tz, loc)
	return loc
}

// shortDay is the day of t in zone tz without the year: "Thu 3 Dec" or "чт, 3 декабря".
func shortDay(t time.Time, tz, lang string) string {
	t = t.In(zoneOrUTC(tz))
	if matchLang(lang) != "ru" {
		return t.Format("Mon 2 Jan")
	}
	return fmt.Sprintf("%s, %d %s", ruWeekdays[t.Weekday()], t.Day(), ruMonths[t.Month()-1])
}

// formatDay is "Thu 3 Dec 2026" or "чт, 3 декабря 2026".
func formatDay(t time.Time, ru bool) string {
	if !ru {
		return t.Format("Mon 2 Jan 2006")
	}
	return fmt.Sprintf("%s, %d %s %d", ruWeekdays[t.Weekday()], t.Day(), ruMonths[t.Month()-1], t.Year())
}

// sameDay reports whether a and b (in one zone) fall on the same calendar day.
func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// offsets is "UTC+02:00", or both offsets when a clock change falls inside the range.
func offsets(s, e time.Time, hasEnd bool) string {
	a := "UTC" + s.Format("-07:00")
	if b := "UTC" + e.Format("-07:00"); hasEnd && b != a {
		return a + " → " + b
	}
	return a
}

// matchLang maps a language tag to a supported mail language: "ru…" is Russian, anything else English.
func matchLang(lang string) string {
	l := strings.ToLower(strings.TrimSpace(lang))
	if l == "ru" || strings.HasPrefix(l, "ru-") || strings.HasPrefix(l, "ru_") {
		return "ru"
	}
	return "en"
}
