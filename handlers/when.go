package handlers

import (
	"time"

	"github.com/convene/convene/mailer"
)

// formatWhen is a time range in zone tz with its UTC offset, in lang, as mails show it:
// "Thu 3 Dec 2026, 12:30–13:30 (Europe/Berlin, UTC+01:00)".
func formatWhen(start, end time.Time, tz, lang string) string {
	return mailer.FormatWhen(start, end, tz, lang)
}

// formatClock is one moment in its own zone: "Sun 29 Mar 2026, 03:30 (Europe/Berlin, UTC+02:00)".
func formatClock(t time.Time, lang string) string {
	return mailer.FormatWhen(t, t, t.Location().String(), lang)
}

// utcOffset is "UTC+02:00".
func utcOffset(t time.Time) string { return "UTC" + t.Format("-07:00") }

// zoneOrUTC loads an IANA zone (once per process); an empty, unknown or "Local" zone gives UTC.
func zoneOrUTC(tz string) *time.Location { return mailer.ZoneOrUTC(tz) }
