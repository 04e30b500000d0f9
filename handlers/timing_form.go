package handlers

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/convene/convene/models"
)

// TimingForm is the "Timing" fieldset of the meetup edit form, kept as typed.
type TimingForm struct {
	FeedbackDelay    string `form:"feedback_delay_minutes"`
	FeedbackOpenDays string `form:"feedback_open_days"`
	Reminders        string `form:"reminder_minutes"`
}

// timingOfMeetup fills the fieldset from a stored meetup, the reminders in lang's units.
func timingOfMeetup(m models.Meetup, lang string) TimingForm {
	rem := make([]int, len(m.ReminderMinutes))
	for i, n := range m.ReminderMinutes {
		rem[i] = int(n)
	}
	return TimingForm{FeedbackDelay: strconv.Itoa(m.FeedbackDelayMinutes),
		FeedbackOpenDays: strconv.Itoa(m.FeedbackOpenDays), Reminders: formatLeads(rem, lang)}
}

// timing reads the fieldset into fe's errors and a timing; an empty number field stays unchanged.
func (f TimingForm) timing(fe models.FieldErrors) models.MeetupTiming {
	var t models.MeetupTiming
	num := func(field, s string) *int {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		n, err := formInt(s)
		if err != nil {
			fe[field] = "not_a_number"
		}
		return &n
	}
	t.FeedbackDelayMinutes = num("feedback_delay_minutes", f.FeedbackDelay)
	t.FeedbackOpenDays = num("feedback_open_days", f.FeedbackOpenDays)
	rem, ok := parseLeads(f.Reminders)
	if !ok {
		fe["reminder_minutes"] = "reminder_format"
	}
	t.ReminderMinutes = &rem
	addMissing(fe, t.Check())
	return t
}

// leadUnits are the suffixes a reminder may carry, in minutes (English and Russian).
var leadUnits = map[string]int{"": 1, "m": 1, "min": 1, "мин": 1, "м": 1, "h": 60, "ч": 60, "d": 1440, "д": 1440}

// leadRe is one reminder: a number, its unit, then separators.
var leadRe = regexp.MustCompile(`^(\d{1,7})\s*([^\d\s,;]*)[\s,;]*`)

// parseLeads reads reminders like "24h, 1h", "2d 30 m" or plain minutes "1440, 60"; empty is none.
func parseLeads(s string) ([]int, bool) {
	out := []int{}
	s = strings.TrimLeft(strings.ToLower(s), " \t,;")
	for s != "" {
		m := leadRe.FindStringSubmatch(s)
		if m == nil {
			return out, false
		}
		n, _ := strconv.Atoi(m[1])
		unit, known := leadUnits[m[2]]
		if !known {
			return out, false
		}
		out = append(out, n*unit)
		s = s[len(m[0]):]
	}
	return out, true
}

// leadSuffixes are the hour and minute units the form writes reminders in, per UI language
// (parseLeads reads both languages' units whatever the UI's).
var leadSuffixes = map[string][2]string{"en": {"h", "m"}, "ru": {"ч", "м"}}

// formatLeads writes reminders as the form shows them in lang: whole hours as "24h" ("24ч"),
// the rest as "90m" ("90м"); English for a language it does not know.
func formatLeads(v []int, lang string) string {
	unit, ok := leadSuffixes[lang]
	if !ok {
		unit = leadSuffixes["en"]
	}
	s := make([]string, len(v))
	for i, n := range v {
		if n%60 == 0 {
			s[i] = strconv.Itoa(n/60) + unit[0]
		} else {
			s[i] = strconv.Itoa(n) + unit[1]
		}
	}
	return strings.Join(s, ", ")
}
