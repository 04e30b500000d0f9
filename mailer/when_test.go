package mailer

import (
	"testing"
	"time"
)

// TestFormatWhen shows times in the person's zone, with the offset, in their language.
func TestFormatWhen(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	cases := []struct {
		start, end, tz, lang, want string
	}{
		{"2026-12-03T10:30:00Z", "2026-12-03T11:30:00Z", "Europe/Kyiv", "en", "Thu 3 Dec 2026, 12:30–13:30 (Europe/Kyiv, UTC+02:00)"},
		{"2026-12-03T10:30:00Z", "2026-12-03T11:30:00Z", "Europe/Kyiv", "ru", "чт, 3 декабря 2026, 12:30–13:30 (Europe/Kyiv, UTC+02:00)"},
		{"2026-06-03T10:30:00Z", "2026-06-03T11:30:00Z", "Europe/Kyiv", "en", "Wed 3 Jun 2026, 13:30–14:30 (Europe/Kyiv, UTC+03:00)"},
		{"2026-11-01T03:00:00Z", "2026-11-01T04:30:00Z", "America/Sao_Paulo", "en", "Sun 1 Nov 2026, 00:00–01:30 (America/Sao_Paulo, UTC-03:00)"},
		{"2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z", "Europe/Berlin", "ru", "вс, 29 марта 2026, 01:30–03:30 (Europe/Berlin, UTC+01:00 → UTC+02:00)"},
		{"2026-12-03T10:30:00Z", "2026-12-03T11:30:00Z", "Asia/Kolkata", "en", "Thu 3 Dec 2026, 16:00–17:00 (Asia/Kolkata, UTC+05:30)"},
		{"2026-12-31T21:00:00Z", "2027-01-01T01:00:00Z", "Europe/Kyiv", "en", "Thu 31 Dec 2026, 23:00 – Fri 1 Jan 2027, 03:00 (Europe/Kyiv, UTC+02:00)"},
		{"2026-05-01T09:00:00Z", "2026-05-01T10:00:00Z", "Mars/Olympus", "ru-RU", "пт, 1 мая 2026, 09:00–10:00 (UTC, UTC+00:00)"},
		{"2026-05-01T09:00:00Z", "2026-05-01T10:00:00Z", "", "de", "Fri 1 May 2026, 09:00–10:00 (UTC, UTC+00:00)"},
		{"2026-05-01T09:00:00Z", "2026-05-01T10:00:00Z", "Local", "en", "Fri 1 May 2026, 09:00–10:00 (UTC, UTC+00:00)"},
		{"2026-05-01T09:00:00Z", "0001-01-01T00:00:00Z", "Europe/Kyiv", "en", "Fri 1 May 2026, 12:00 (Europe/Kyiv, UTC+03:00)"},
	}
	for _, c := range cases {
		if got := FormatWhen(at(c.start), at(c.end), c.tz, c.lang); got != c.want {
			t.Errorf("FormatWhen(%s, %s, %q, %q)\n got %s\nwant %s", c.start, c.end, c.tz, c.lang, got, c.want)
		}
	}
}
