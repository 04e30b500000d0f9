package mailer

import (
	"fmt"
	"strings"
	"time"
)

// exampleEvent is the event of ExampleCalendar; TestCalendar checks it with every parser too.
func exampleEvent() Event {
	start := time.Date(2026, 12, 3, 10, 30, 0, 0, time.UTC)
	return Event{
		UID: "meetup-7f3c2a@convene.example", Sequence: 1, Stamp: start.Add(-72 * time.Hour),
		Start: start, End: start.Add(time.Hour),
		Summary:       "Lunch & learn: PostgreSQL in practice",
		Location:      "Kyiv office, room 4.2",
		URL:           "https://convene.example/r/abc123",
		OrganizerName: "Convene meetups", OrganizerEmail: "meetups@convene.example",
		Attendees:   []Attendee{{Name: "Taras Shevchuk", Email: "taras@example.com", RSVP: true}},
		AlarmBefore: 15 * time.Minute,
	}
}

// An invitation for one recipient: UTC times, the recipient with RSVP=TRUE, folded lines.
func ExampleCalendar() {
	b, err := Calendar(MethodRequest, exampleEvent())
	if err != nil {
		panic(err)
	}
	fmt.Print(strings.ReplaceAll(string(b), "\r\n", "\n")) // lines end in CRLF
	// Output:
	// BEGIN:VCALENDAR
	// CALSCALE:GREGORIAN
	// METHOD:REQUEST
	// PRODID:-//Convene//Convene Meetups//EN
	// VERSION:2.0
	// BEGIN:VEVENT
	// ATTENDEE;CN=Taras Shevchuk;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=
	//  TRUE:mailto:taras@example.com
	// DTEND:20261203T113000Z
	// DTSTAMP:20261130T103000Z
	// DTSTART:20261203T103000Z
	// LOCATION:Kyiv office\, room 4.2
	// ORGANIZER;CN=Convene meetups:mailto:meetups@convene.example
	// SEQUENCE:1
	// STATUS:CONFIRMED
	// SUMMARY:Lunch & learn: PostgreSQL in practice
	// UID:meetup-7f3c2a@convene.example
	// URL:https://convene.example/r/abc123
	// BEGIN:VALARM
	// ACTION:DISPLAY
	// DESCRIPTION:Lunch & learn: PostgreSQL in practice
	// TRIGGER:-PT15M
	// END:VALARM
	// END:VEVENT
	// END:VCALENDAR
}
