package mailer

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// TestCalendar builds every case and reads it back with every parser, plus raw line checks.
func TestCalendar(t *testing.T) {
	for _, c := range calCases(t) {
		b, err := Calendar(c.method, c.events...)
		if err != nil {
			t.Fatalf("%s: Calendar: %v", c.name, err)
		}
		t.Run(c.name+"/raw", func(t *testing.T) { checkRaw(t, c, b) })
		for _, p := range calParsers() {
			t.Run(c.name+"/"+p.name, func(t *testing.T) {
				t.Parallel()
				requireParser(t, p)
				got, err := p.parse(b)
				if err != nil {
					t.Fatalf("parse: %v\n%s", err, b)
				}
				checkSeen(t, c, got, p.quirk)
			})
		}
	}
}

// checkSeen compares what a parser saw with what the case's events say.
func checkSeen(t *testing.T, c calCase, got seenCal, quirk func(*seenEvent)) {
	t.Helper()
	if len(got.Errors) > 0 {
		t.Errorf("calendar errors: %v", got.Errors)
	}
	if got.Method != c.method || got.Version != "2.0" || got.CalScale != "GREGORIAN" || got.ProdID != prodID {
		t.Errorf("header: METHOD %q VERSION %q CALSCALE %q PRODID %q", got.Method, got.Version, got.CalScale, got.ProdID)
	}
	if len(got.Events) != len(c.events) {
		t.Fatalf("%d events, want %d", len(got.Events), len(c.events))
	}
	for i, e := range c.events {
		want := expectEvent(c.method, e)
		if c.fix != nil {
			c.fix(i, &want)
		}
		if quirk != nil {
			quirk(&want)
		}
		compareEvent(t, e, want, got.Events[i])
	}
	if c.wantStart != "" && (got.Events[0].Start != c.wantStart || got.Events[0].End != c.wantEnd) {
		t.Errorf("times %s–%s, want %s–%s", got.Events[0].Start, got.Events[0].End, c.wantStart, c.wantEnd)
	}
}

// compareEvent compares one event; a zero input Stamp must come out as now, in UTC.
func compareEvent(t *testing.T, in Event, want, got seenEvent) {
	t.Helper()
	if in.Stamp.IsZero() {
		at, err := time.Parse(isoUTC, got.Stamp)
		if err != nil || time.Since(at).Abs() > 2*time.Minute || got.StampZone != "UTC" {
			t.Errorf("DTSTAMP %q (%q) is not now in UTC", got.Stamp, got.StampZone)
		}
		want.Stamp = got.Stamp
	}
	normalise(&want)
	normalise(&got)
	if !reflect.DeepEqual(want, got) {
		w, _ := json.MarshalIndent(want, "", " ")
		g, _ := json.MarshalIndent(got, "", " ")
		t.Errorf("event %s:\n got %s\nwant %s", in.UID, g, w)
	}
}

// normalise makes empty and missing lists compare equal.
func normalise(e *seenEvent) {
	if len(e.Attendees) == 0 {
		e.Attendees = nil
	}
	if len(e.Alarms) == 0 {
		e.Alarms = nil
	}
	if len(e.Errors) == 0 {
		e.Errors = nil
	}
}

// expectEvent is what a parser must see for e sent with method, per the Calendar contract.
func expectEvent(method string, e Event) seenEvent {
	w := seenEvent{UID: e.UID, Sequence: e.Sequence,
		Start: e.Start.UTC().Format(isoUTC), StartZone: "UTC", End: e.End.UTC().Format(isoUTC), EndZone: "UTC",
		Stamp: e.Stamp.UTC().Format(isoUTC), StampZone: "UTC",
		Summary: e.Summary, Description: e.Description, Location: e.Location, URL: e.URL, Status: e.Status}
	switch {
	case method == MethodCancel:
		w.Status = "CANCELLED"
	case w.Status == "":
		w.Status = "CONFIRMED"
	}
	if e.OrganizerEmail != "" {
		w.Organizer = &seenAddr{Value: "mailto:" + e.OrganizerEmail, CN: e.OrganizerName}
	}
	if method != MethodPublish {
		w.Attendees = expectAttendees(method, e.Attendees)
	}
	if e.AlarmBefore > 0 {
		w.Alarms = []seenAlarm{{Action: "DISPLAY", TriggerSeconds: -int(e.AlarmBefore / time.Second), Description: e.Summary}}
	}
	return w
}

// expectAttendees applies the ROLE and PARTSTAT defaults and RSVP=TRUE only in a REQUEST.
func expectAttendees(method string, in []Attendee) []seenAddr {
	var out []seenAddr
	for _, a := range in {
		s := seenAddr{Value: "mailto:" + a.Email, CN: a.Name, Role: a.Role, PartStat: a.PartStat}
		if s.Role == "" {
			s.Role = "REQ-PARTICIPANT"
		}
		if s.PartStat == "" {
			s.PartStat = "NEEDS-ACTION"
		}
		if a.RSVP && method == MethodRequest {
			s.RSVP = "TRUE"
		}
		out = append(out, s)
	}
	return out
}
