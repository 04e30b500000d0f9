package mailer

import (
	"fmt"
	"strings"
	"time"

	ical "github.com/emersion/go-ical"
)

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
