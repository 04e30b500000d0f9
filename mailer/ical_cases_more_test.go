package mailer

import (
	"testing"
	"time"
)

// namesCase has names with quotes, a semicolon, a colon, control characters and an attempted line injection.
func namesCase(t *testing.T) calCase {
	e := baseEvent(t)
	e.OrganizerName = "Platform team: meetups, talks"
	e.Attendees = []Attendee{
		{Name: `Ann "Annie" O'Neil; PhD`, Email: "ann@example.com", RSVP: true},
		{Name: "Mallory\r\nATTENDEE;CN=x:mailto:evil@example.com", Email: "mallory@example.com"},
		{Name: "Bob\x00\tSmith\x7f", Email: "bob@example.com", Role: "opt-participant", PartStat: "tentative"},
	}
	return calCase{name: "names", method: MethodRequest, events: []Event{e}, fix: func(_ int, w *seenEvent) {
		w.Attendees[0].CN = "Ann 'Annie' O'Neil; PhD"
		w.Attendees[1].CN = "Mallory ATTENDEE;CN=x:mailto:evil@example.com"
		w.Attendees[2].CN = "Bob Smith"
		w.Attendees[2].Role, w.Attendees[2].PartStat = "OPT-PARTICIPANT", "TENTATIVE"
	}}
}

// saoPauloCase is a meetup at midnight on 1 Nov 2026 in São Paulo (UTC−3, no DST since 2019).
func saoPauloCase(t *testing.T) calCase {
	e := baseEvent(t)
	e.Start = time.Date(2026, 11, 1, 0, 0, 0, 0, zone(t, "America/Sao_Paulo"))
	e.End = e.Start.Add(90 * time.Minute)
	return calCase{name: "sao-paulo-midnight", method: MethodRequest, events: []Event{e},
		wantStart: "2026-11-01T03:00:00Z", wantEnd: "2026-11-01T04:30:00Z"}
}

// berlinMorningCase is a meetup on 29 Mar 2026, the day Berlin moves to summer time (UTC+2).
func berlinMorningCase(t *testing.T) calCase {
	e := baseEvent(t)
	e.Start = time.Date(2026, 3, 29, 10, 0, 0, 0, zone(t, "Europe/Berlin"))
	e.End = time.Date(2026, 3, 29, 11, 0, 0, 0, zone(t, "Europe/Berlin"))
	return calCase{name: "berlin-dst-day", method: MethodRequest, events: []Event{e},
		wantStart: "2026-03-29T08:00:00Z", wantEnd: "2026-03-29T09:00:00Z"}
}

// berlinSwitchCase spans the clock change: 01:30 CET to 03:30 CEST is one hour.
func berlinSwitchCase(t *testing.T) calCase {
	e := baseEvent(t)
	e.Start = time.Date(2026, 3, 29, 1, 30, 0, 0, zone(t, "Europe/Berlin"))
	e.End = time.Date(2026, 3, 29, 3, 30, 0, 0, zone(t, "Europe/Berlin"))
	e.Stamp = time.Date(2026, 3, 1, 12, 0, 0, 0, zone(t, "Europe/Berlin"))
	return calCase{name: "berlin-across-switch", method: MethodRequest, events: []Event{e},
		wantStart: "2026-03-29T00:30:00Z", wantEnd: "2026-03-29T01:30:00Z"}
}
