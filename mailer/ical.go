// Package mailer builds Convene's mail: iCalendar invites, rendered templates and their delivery.
package mailer

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	ical "github.com/emersion/go-ical"
)

// iTIP methods a Convene calendar is sent with.
const (
	MethodRequest = "REQUEST"
	MethodCancel  = "CANCEL"
	MethodPublish = "PUBLISH"
)

// prodID names Convene as the calendar's producer.
const prodID = "-//Convene//Convene Meetups//EN"

// ErrInvalidEvent is wrapped by every input error of Calendar.
var ErrInvalidEvent = errors.New("mailer: invalid calendar event")

// Attendee is one ATTENDEE line.
type Attendee struct {
	Name, Email string
	Role        string // REQ-PARTICIPANT (default), OPT-PARTICIPANT, NON-PARTICIPANT or CHAIR
	PartStat    string // NEEDS-ACTION (default), ACCEPTED, DECLINED, TENTATIVE or DELEGATED
	RSVP        bool   // writes RSVP=TRUE in a REQUEST: set it for the recipient, or clients hide the buttons
}

// Event is one VEVENT.
type Event struct {
	UID      string
	Sequence int
	Stamp    time.Time // zero => time.Now()

	Start, End time.Time // written in UTC with Z

	Summary, Description, Location, URL string

	Status string // CONFIRMED (default), TENTATIVE or CANCELLED; CANCEL forces CANCELLED

	OrganizerName, OrganizerEmail string

	Attendees   []Attendee    // dropped in a PUBLISH
	AlarmBefore time.Duration // 0 = no VALARM; else a DISPLAY VALARM TRIGGER:-PT…
}

// Calendar renders a VCALENDAR with METHOD method (REQUEST, CANCEL or PUBLISH), folded, CRLF line ends.
// A REQUEST or CANCEL carries exactly one event; a PUBLISH feed any number with distinct UIDs.
func Calendar(method string, events ...Event) ([]byte, error) {
	if err := checkMethod(method, events); err != nil {
		return nil, err
	}
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropProductID, prodID)
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(ical.PropMethod, method)
	for i := range events {
		comp, err := buildEvent(method, &events[i])
		if err != nil {
			return nil, fmt.Errorf("event %d: %w", i, err)
		}
		cal.Children = append(cal.Children, comp)
	}
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return nil, fmt.Errorf("mailer: encode calendar: %w", err)
	}
	return foldLines(buf.Bytes()), nil
}

// checkMethod validates the method and the number and UIDs of the events it carries.
func checkMethod(method string, events []Event) error {
	switch method {
	case MethodRequest, MethodCancel:
		if len(events) != 1 {
			return fmt.Errorf("%w: %s carries exactly one event, got %d", ErrInvalidEvent, method, len(events))
		}
	case MethodPublish:
		if len(events) == 0 {
			return fmt.Errorf("%w: PUBLISH without events", ErrInvalidEvent)
		}
	default:
		return fmt.Errorf("%w: unknown method %q", ErrInvalidEvent, method)
	}
	seen := make(map[string]bool, len(events))
	for _, e := range events {
		if seen[e.UID] {
			return fmt.Errorf("%w: UID %q appears twice", ErrInvalidEvent, e.UID)
		}
		seen[e.UID] = true
	}
	return nil
}
