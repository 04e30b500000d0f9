package mailer

import (
	"fmt"
	"strings"
	"time"

	ical "github.com/emersion/go-ical"
)

// seenCal is what one parser found in a calendar, in the same shape for every parser
// (go-ical here, python3-icalendar and ical.js through testdata scripts).
type seenCal struct {
	Method   string      `json:"method"`
	Version  string      `json:"version"`
	ProdID   string      `json:"prodid"`
	CalScale string      `json:"calscale"`
	Errors   []string    `json:"errors"`
	Events   []seenEvent `json:"events"`
}

// seenEvent is one VEVENT as a parser saw it; times are UTC "2006-01-02T15:04:05Z", zones "UTC", a TZID or "" (floating).
type seenEvent struct {
	UID         string      `json:"uid"`
	Sequence    int         `json:"sequence"`
	Start       string      `json:"start"`
	StartZone   string      `json:"start_zone"`
	End         string      `json:"end"`
	EndZone     string      `json:"end_zone"`
	Stamp       string      `json:"stamp"`
	StampZone   string      `json:"stamp_zone"`
	Organizer   *seenAddr   `json:"organizer"`
	Attendees   []seenAddr  `json:"attendees"`
	Summary     string      `json:"summary"`
	Description string      `json:"description"`
	Location    string      `json:"location"`
	URL         string      `json:"url"`
	Status      string      `json:"status"`
	Alarms      []seenAlarm `json:"alarms"`
	Errors      []string    `json:"errors"`
}

// seenAddr is an ORGANIZER or ATTENDEE with the parameters Convene writes.
type seenAddr struct {
	Value    string `json:"value"`
	CN       string `json:"cn"`
	Role     string `json:"role"`
	PartStat string `json:"partstat"`
	RSVP     string `json:"rsvp"`
}

// seenAlarm is one VALARM.
type seenAlarm struct {
	Action         string `json:"action"`
	TriggerSeconds int    `json:"trigger_seconds"`
	Description    string `json:"description"`
}

// isoUTC is how every parser's view writes an instant.
const isoUTC = "2006-01-02T15:04:05Z"

// seenByGoICal parses b with ParseCalendar and normalises what go-ical found.
func seenByGoICal(b []byte) (seenCal, error) {
	cal, err := ParseCalendar(b)
	if err != nil {
		return seenCal{}, err
	}
	s := seenCal{Method: propText(cal.Props, ical.PropMethod), Version: propText(cal.Props, ical.PropVersion),
		ProdID: propText(cal.Props, ical.PropProductID), CalScale: propText(cal.Props, ical.PropCalendarScale)}
	for _, ev := range cal.Events() {
		e, err := goICalEvent(ev.Props)
		if err != nil {
			return s, err
		}
		e.Alarms = goICalAlarms(ev.Children)
		s.Events = append(s.Events, e)
	}
	return s, nil
}

// goICalEvent normalises one VEVENT's properties.
func goICalEvent(p ical.Props) (seenEvent, error) {
	e := seenEvent{UID: propText(p, ical.PropUID), Summary: propText(p, ical.PropSummary),
		Description: propText(p, ical.PropDescription), Location: propText(p, ical.PropLocation),
		Status: propText(p, ical.PropStatus), Sequence: -1}
	if u := p.Get(ical.PropURL); u != nil {
		e.URL = u.Value
	}
	if seq := p.Get(ical.PropSequence); seq != nil {
		n, err := seq.Int()
		if err != nil {
			return e, err
		}
		e.Sequence = n
	}
	var err error
	for _, f := range []struct {
		name     string
		at, zone *string
	}{{ical.PropDateTimeStart, &e.Start, &e.StartZone}, {ical.PropDateTimeEnd, &e.End, &e.EndZone}, {ical.PropDateTimeStamp, &e.Stamp, &e.StampZone}} {
		if *f.at, *f.zone, err = goICalTime(p.Get(f.name)); err != nil {
			return e, fmt.Errorf("%s: %w", f.name, err)
		}
	}
	if o := p.Get(ical.PropOrganizer); o != nil {
		a := goICalAddr(o)
		e.Organizer = &a
	}
	for _, a := range p.Values(ical.PropAttendee) {
		e.Attendees = append(e.Attendees, goICalAddr(&a))
	}
	return e, nil
}

// goICalTime is a date-time property as UTC text and its zone.
func goICalTime(p *ical.Prop) (at, zone string, err error) {
	if p == nil {
		return "", "", nil
	}
	t, err := p.DateTime(time.UTC)
	if err != nil {
		return "", "", err
	}
	switch {
	case strings.HasSuffix(p.Value, "Z"):
		zone = "UTC"
	default:
		zone = p.Params.Get(ical.ParamTimezoneID)
	}
	return t.UTC().Format(isoUTC), zone, nil
}

// goICalAddr is an ORGANIZER or ATTENDEE.
func goICalAddr(p *ical.Prop) seenAddr {
	return seenAddr{Value: p.Value, CN: p.Params.Get(ical.ParamCommonName), Role: p.Params.Get(ical.ParamRole),
		PartStat: p.Params.Get(ical.ParamParticipationStatus), RSVP: p.Params.Get(ical.ParamRSVP)}
}

// goICalAlarms lists the VALARMs among an event's children.
func goICalAlarms(children []*ical.Component) []seenAlarm {
	var out []seenAlarm
	for _, c := range children {
		if c.Name != ical.CompAlarm {
			continue
		}
		a := seenAlarm{Action: propText(c.Props, ical.PropAction), Description: propText(c.Props, ical.PropDescription)}
		if d, err := c.Props.Get(ical.PropTrigger).Duration(); err == nil {
			a.TriggerSeconds = int(d / time.Second)
		}
		out = append(out, a)
	}
	return out
}

// propText is a text property, unescaped, or "" (a malformed escape shows as "!malformed").
func propText(p ical.Props, name string) string {
	s, err := p.Text(name)
	if err != nil {
		return "!malformed: " + err.Error()
	}
	return s
}
