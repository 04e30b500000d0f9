package handlers

import (
	"fmt"
	"time"
)

// Russian day and month names (months in the genitive: "3 декабря").
var (
	ruWeekdays = [7]string{"вс", "пн", "вт", "ср", "чт", "пт", "сб"}
	ruMonths   = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"}
)

// zoneOrUTC loads an IANA zone; an empty, unknown or "Local" zone gives UTC.
func zoneOrUTC(tz string) *time.Location {
	loc, err := time.LoadLocation(tz)
	if tz == "" || tz == "Local" || err != nil {
		return time.UTC
	}
	return loc
}

// formatWhen is a time range in zone tz with its UTC offset, in lang:
// "Thu 3 Dec 2026, 12:30–13:30 (Europe/Berlin, UTC+01:00)".
func formatWhen(start, end time.Time, tz, lang string) string {
	loc := zoneOrUTC(tz)
	s, e := start.In(loc), end.In(loc)
	out := formatDay(s, lang) + ", " + s.Format("15:04")
	if s.Format("20060102") == e.Format("20060102") {
		out += "–" + e.Format("15:04")
	} else {
		out += " – " + formatDay(e, lang) + ", " + e.Format("15:04")
	}
	return fmt.Sprintf("%s (%s, %s)", out, loc, utcOffset(s))
}

// formatDay is "Thu 3 Dec 2026" or "чт, 3 декабря 2026".
func formatDay(t time.Time, lang string) string {
	if lang != "ru" {
		return t.Format("Mon 2 Jan 2006")
	}
	return fmt.Sprintf("%s, %d %s %d", ruWeekdays[t.Weekday()], t.Day(), ruMonths[t.Month()-1], t.Year())
}

// formatClock is a local time with the date, "Sun 29 Mar 2026, 03:30 (UTC+02:00)".
func formatClock(t time.Time, lang string) string {
	return formatDay(t, lang) + ", " + t.Format("15:04") + " (" + utcOffset(t) + ")"
}

// utcOffset is "UTC+02:00".
func utcOffset(t time.Time) string { return "UTC" + t.Format("-07:00") }
