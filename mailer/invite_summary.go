package mailer

import (
	"strings"
	"time"
)

// InviteSummary is what the outbox viewer shows of a message's invitation.
type InviteSummary struct {
	Method, UID, Sequence, Status string
	Summary, Location, Organizer  string
	Start, End                    string
	Attendees                     []string
}

// SummarizeInvite reads an iCalendar object loosely (it never fails): the METHOD and the first
// VEVENT's main properties, lines unfolded and text unescaped.
func SummarizeInvite(ics string) InviteSummary {
	var s InviteSummary
	var open []string // the components we are in, innermost last
	events := 0
	for _, line := range icsLines(ics) {
		name, params, value := icsProp(line)
		switch {
		case name == "BEGIN":
			open = append(open, strings.ToUpper(value))
			if open[len(open)-1] == "VEVENT" {
				events++
			}
		case name == "END" && len(open) > 0:
			open = open[:len(open)-1]
		case name == "METHOD":
			s.Method = value
		case len(open) > 0 && open[len(open)-1] == "VEVENT" && events == 1:
			s.setEventProp(name, params, value)
		}
	}
	return s
}

// setEventProp records one VEVENT property.
func (s *InviteSummary) setEventProp(name, params, value string) {
	switch name {
	case "UID":
		s.UID = value
	case "SEQUENCE":
		s.Sequence = value
	case "STATUS":
		s.Status = value
	case "SUMMARY":
		s.Summary = icsText(value)
	case "LOCATION":
		s.Location = icsText(value)
	case "ORGANIZER":
		s.Organizer = strings.TrimPrefix(strings.ToLower(value), "mailto:")
	case "ATTENDEE":
		s.Attendees = append(s.Attendees, strings.TrimPrefix(strings.ToLower(value), "mailto:"))
	case "DTSTART":
		s.Start = icsTime(params, value)
	case "DTEND":
		s.End = icsTime(params, value)
	}
}

// icsLines unfolds content lines (a CRLF or LF followed by a space or tab continues a line).
func icsLines(ics string) []string {
	ics = strings.ReplaceAll(ics, "\r\n", "\n")
	ics = strings.NewReplacer("\n ", "", "\n\t", "").Replace(ics)
	return strings.Split(ics, "\n")
}

// icsProp splits a content line into its upper-cased name, its parameters and its value.
func icsProp(line string) (name, params, value string) {
	head, value, ok := cutOutsideQuotes(line)
	if !ok {
		return "", "", ""
	}
	name, params, _ = strings.Cut(head, ";")
	return strings.ToUpper(name), params, value
}

// cutOutsideQuotes cuts at the first colon that is not inside a quoted parameter value.
func cutOutsideQuotes(line string) (string, string, bool) {
	quoted := false
	for i, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ':' && !quoted:
			return line[:i], line[i+1:], true
		}
	}
	return "", "", false
}

// icsText undoes iCalendar text escaping.
func icsText(v string) string {
	return strings.NewReplacer(`\n`, "\n", `\N`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`).Replace(v)
}

// icsTime shows a DATE-TIME readably, with its zone; what it cannot read is shown as given.
func icsTime(params, v string) string {
	if t, err := time.Parse("20060102T150405Z", v); err == nil {
		return t.Format("2006-01-02 15:04 UTC")
	}
	if t, err := time.Parse("20060102T150405", v); err == nil {
		zone := "floating"
		for _, p := range strings.Split(params, ";") {
			if k, val, ok := strings.Cut(p, "="); ok && strings.EqualFold(k, "TZID") {
				zone = strings.Trim(val, `"`)
			}
		}
		return t.Format("2006-01-02 15:04") + " (" + zone + ")"
	}
	return v
}
