package mailer

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestCalendarRejects checks that inputs no client would accept are errors, never a calendar.
func TestCalendarRejects(t *testing.T) {
	edit := func(f func(e *Event)) []Event {
		e := baseEvent(t)
		f(&e)
		return []Event{e}
	}
	cases := map[string]struct {
		method string
		events []Event
	}{
		"empty UID":             {MethodRequest, edit(func(e *Event) { e.UID = " " })},
		"UID with newline":      {MethodRequest, edit(func(e *Event) { e.UID = "a\nb" })},
		"UID not UTF-8":         {MethodRequest, edit(func(e *Event) { e.UID = "a\xffb" })},
		"end within the second": {MethodRequest, edit(func(e *Event) { e.End = e.Start.Add(time.Second / 2) })},
		"end equals start":      {MethodRequest, edit(func(e *Event) { e.End = e.Start })},
		"end before start":      {MethodRequest, edit(func(e *Event) { e.End = e.Start.Add(-time.Minute) })},
		"no start":              {MethodRequest, edit(func(e *Event) { e.Start = time.Time{} })},
		"negative sequence":     {MethodRequest, edit(func(e *Event) { e.Sequence = -1 })},
		"empty summary":         {MethodRequest, edit(func(e *Event) { e.Summary = "\r\n " })},
		"negative alarm":        {MethodRequest, edit(func(e *Event) { e.AlarmBefore = -time.Minute })},
		"unknown status":        {MethodRequest, edit(func(e *Event) { e.Status = "MAYBE" })},
		"relative URL":          {MethodRequest, edit(func(e *Event) { e.URL = "/r/abc" })},
		"no organizer":          {MethodRequest, edit(func(e *Event) { e.OrganizerEmail = "" })},
		"organizer with name":   {MethodCancel, edit(func(e *Event) { e.OrganizerEmail = "Meetups <m@example.com>" })},
		"mailto in address":     {MethodRequest, edit(func(e *Event) { e.Attendees[0].Email = "mailto:a@example.com" })},
		"attendee no email":     {MethodRequest, edit(func(e *Event) { e.Attendees[0].Email = "" })},
		"unknown role":          {MethodRequest, edit(func(e *Event) { e.Attendees[0].Role = "BOSS" })},
		"unknown partstat":      {MethodRequest, edit(func(e *Event) { e.Attendees[0].PartStat = "SURE" })},
		"lowercase method":      {"request", edit(func(*Event) {})},
		"REPLY method":          {"REPLY", edit(func(*Event) {})},
		"no events":             {MethodPublish, nil},
		"two in a REQUEST":      {MethodRequest, append(edit(func(*Event) {}), edit(func(e *Event) { e.UID = "other" })...)},
		"UID twice in feed":     {MethodPublish, append(edit(func(*Event) {}), edit(func(*Event) {})...)},
	}
	for name, c := range cases {
		b, err := Calendar(c.method, c.events...)
		if !errors.Is(err, ErrInvalidEvent) || b != nil {
			t.Errorf("%s: got %q, %v; want ErrInvalidEvent", name, b, err)
		}
	}
}

// TestParseCalendarRecovers feeds input that makes go-ical's decoder panic or fail.
func TestParseCalendarRecovers(t *testing.T) {
	inputs := []string{
		"",
		"garbage",
		"BEGIN:VCALENDAR\r\nX;A=\"b\"c:d\r\nEND:VCALENDAR\r\n", // panics: character after a quoted value
		"BEGIN:VCALENDAR\r\nX;A=b",                             // panics: line ends inside a parameter
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",                   // no END
		"BEGIN:VEVENT\r\nEND:VEVENT\r\n",                       // not a VCALENDAR
		"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n", // mismatched END
	}
	for _, in := range inputs {
		if cal, err := ParseCalendar([]byte(in)); err == nil || cal != nil {
			t.Errorf("ParseCalendar(%q) = %v, %v; want an error", in, cal, err)
		}
	}
	if _, err := ParseCalendar([]byte(strings.Repeat("BEGIN:VCALENDAR\r\n", 3))); err == nil {
		t.Errorf("truncated nesting parsed")
	}
}
