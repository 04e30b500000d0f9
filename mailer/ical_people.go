package mailer

import (
	"fmt"
	"net/mail"
	"strings"

	ical "github.com/emersion/go-ical"
)

// attendeeRoles and partStats are the values RFC 5545 defines for ROLE and PARTSTAT of an event.
var (
	attendeeRoles = map[string]bool{"REQ-PARTICIPANT": true, "OPT-PARTICIPANT": true, "NON-PARTICIPANT": true, "CHAIR": true}
	partStats     = map[string]bool{"NEEDS-ACTION": true, "ACCEPTED": true, "DECLINED": true, "TENTATIVE": true, "DELEGATED": true}
)

// setPeople writes ORGANIZER and, except in a PUBLISH, the ATTENDEE lines.
func setPeople(p ical.Props, method string, e *Event) error {
	if e.OrganizerEmail == "" && method != MethodPublish {
		return fmt.Errorf("%w: %s needs an organizer", ErrInvalidEvent, method)
	}
	if e.OrganizerEmail != "" {
		org, err := calAddress(ical.PropOrganizer, e.OrganizerName, e.OrganizerEmail)
		if err != nil {
			return err
		}
		p.Set(org)
	}
	if method == MethodPublish {
		return nil
	}
	for _, a := range e.Attendees {
		prop, err := attendeeProp(method, a)
		if err != nil {
			return err
		}
		p.Add(prop)
	}
	return nil
}

// attendeeProp is one ATTENDEE with CN, ROLE, PARTSTAT and, in a REQUEST, RSVP=TRUE when asked.
func attendeeProp(method string, a Attendee) (*ical.Prop, error) {
	prop, err := calAddress(ical.PropAttendee, a.Name, a.Email)
	if err != nil {
		return nil, err
	}
	role, err := pick(attendeeRoles, a.Role, "REQ-PARTICIPANT", "ROLE")
	if err != nil {
		return nil, err
	}
	stat, err := pick(partStats, a.PartStat, "NEEDS-ACTION", "PARTSTAT")
	if err != nil {
		return nil, err
	}
	prop.Params.Set(ical.ParamRole, role)
	prop.Params.Set(ical.ParamParticipationStatus, stat)
	if a.RSVP && method == MethodRequest {
		prop.Params.Set(ical.ParamRSVP, "TRUE")
	}
	return prop, nil
}

// calAddress is a property whose value is a bare mailto: address, with the name as CN.
func calAddress(name, cn, email string) (*ical.Prop, error) {
	addr, err := bareAddress(email)
	if err != nil {
		return nil, err
	}
	prop := ical.NewProp(name)
	prop.Value = "mailto:" + addr
	if n := paramText(cn); n != "" {
		prop.Params.Set(ical.ParamCommonName, n)
	}
	return prop, nil
}

// bareAddress accepts only a plain addr-spec: no display name, no quotes, spaces or control characters.
func bareAddress(email string) (string, error) {
	email = strings.TrimSpace(email)
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || a.Name != "" || strings.ContainsAny(email, "\" <>") || hasControl(email) {
		return "", fmt.Errorf("%w: %q is not a bare email address", ErrInvalidEvent, email)
	}
	return email, nil
}

// pick upper-cases v and checks it against allowed; empty gives def.
func pick(allowed map[string]bool, v, def, what string) (string, error) {
	v = strings.ToUpper(strings.TrimSpace(v))
	if v == "" {
		return def, nil
	}
	if !allowed[v] {
		return "", fmt.Errorf("%w: unknown %s %q", ErrInvalidEvent, what, v)
	}
	return v, nil
}
