package mailer

import (
	"strings"
	"testing"
	"time"
)

// calCase is one calendar the tests build and read back with every parser.
type calCase struct {
	name   string
	method string
	events []Event
	// fix adjusts the expected view of event i where the input was sanitised on purpose.
	fix func(i int, want *seenEvent)
	// wantStart and wantEnd, when set, are the UTC times of the first event, worked out by hand.
	wantStart, wantEnd string
}

// stamp is the DTSTAMP of most cases, in a non-UTC zone on purpose.
func stamp(t *testing.T) time.Time {
	return time.Date(2026, 11, 20, 9, 15, 30, 0, zone(t, "Europe/Kyiv"))
}

// zone loads an IANA zone or fails the test.
func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("load zone %s: %v", name, err)
	}
	return loc
}

// baseEvent is a realistic lunch-and-learn with an organizer, a speaker and the recipient.
func baseEvent(t *testing.T) Event {
	start := time.Date(2026, 12, 3, 12, 30, 0, 0, zone(t, "Europe/Kyiv"))
	return Event{
		UID: "meetup-7f3c2a@convene.example", Sequence: 0, Stamp: stamp(t),
		Start: start, End: start.Add(time.Hour),
		Summary:     "Lunch & learn: PostgreSQL in practice",
		Description: "Bring your questions.\nSlides will be shared afterwards.",
		Location:    "Kyiv office, room 4.2", URL: "https://convene.example/r/abc123",
		OrganizerName: "Olena Kovalenko", OrganizerEmail: "meetups@convene.example",
		Attendees: []Attendee{
			{Name: "Taras Shevchuk", Email: "taras@example.com", RSVP: true},
			{Name: "Speaker One", Email: "speaker@example.com", Role: "CHAIR", PartStat: "ACCEPTED"},
		},
		AlarmBefore: 15 * time.Minute,
	}
}

// calCases are the calendars every parser must read back as written.
func calCases(t *testing.T) []calCase {
	return []calCase{
		{name: "request", method: MethodRequest, events: []Event{baseEvent(t)},
			wantStart: "2026-12-03T10:30:00Z", wantEnd: "2026-12-03T11:30:00Z"},
		{name: "example", method: MethodRequest, events: []Event{exampleEvent()}},
		{name: "update", method: MethodRequest, events: []Event{rescheduled(t)}},
		{name: "cancel", method: MethodCancel, events: []Event{cancelled(t)}},
		{name: "publish", method: MethodPublish, events: feed(t)},
		{name: "zero-stamp", method: MethodRequest, events: []Event{withZeroStamp(t)}},
		escapingCase(t), cyrillicCase(t), utf8Case(t), namesCase(t),
		saoPauloCase(t), berlinMorningCase(t), berlinSwitchCase(t),
	}
}

// rescheduled is the base event moved by a day, SEQUENCE raised.
func rescheduled(t *testing.T) Event {
	e := baseEvent(t)
	e.Sequence, e.Start, e.End = 3, e.Start.AddDate(0, 0, 1), e.End.AddDate(0, 0, 1)
	e.Location, e.AlarmBefore = "Online only", 90*time.Minute
	return e
}

// cancelled is the base event cancelled; the given CONFIRMED must not survive a CANCEL.
func cancelled(t *testing.T) Event {
	e := baseEvent(t)
	e.Sequence, e.Status, e.AlarmBefore = 4, "CONFIRMED", 0
	return e
}

// feed is two events of a personal feed: attendees given must be dropped, one has no organizer.
func feed(t *testing.T) []Event {
	a, b := baseEvent(t), baseEvent(t)
	b.UID, b.Start, b.End = "meetup-second@convene.example", b.Start.AddDate(0, 1, 0), b.End.AddDate(0, 1, 0)
	b.OrganizerName, b.OrganizerEmail, b.Status = "", "", "TENTATIVE"
	return []Event{a, b}
}

// withZeroStamp leaves DTSTAMP to Calendar.
func withZeroStamp(t *testing.T) Event {
	e := baseEvent(t)
	e.Stamp = time.Time{}
	return e
}

// escapingCase carries every character TEXT must escape, and CR/CRLF line ends.
func escapingCase(t *testing.T) calCase {
	e := baseEvent(t)
	e.Summary = "Go, Rust; C\\C++\nand more"
	e.Location = `Room 1, floor 2; the "Big" one \ east`
	e.Description = "Agenda:\r\n1. Intro, 5 min;\r2. Demo \\ Q&A\n\n3. A literal \\n is not a newline\tend"
	return calCase{name: "escaping", method: MethodRequest, events: []Event{e}, fix: func(_ int, w *seenEvent) {
		w.Summary = "Go, Rust; C\\C++ and more"
		w.Description = "Agenda:\n1. Intro, 5 min;\n2. Demo \\ Q&A\n\n3. A literal \\n is not a newline\tend"
		w.Alarms[0].Description = w.Summary
	}}
}

// cyrillicCase has a 5,000-character Cyrillic description, punctuation included.
func cyrillicCase(t *testing.T) calCase {
	e := baseEvent(t)
	e.Summary = "Обед с докладом: PostgreSQL на практике"
	e.Description = cyrillicText(5000)
	return calCase{name: "cyrillic-5000", method: MethodRequest, events: []Event{e}}
}

// cyrillicText is n characters of Russian prose with commas, semicolons, backslashes and newlines.
func cyrillicText(n int) string {
	const para = "Привет! Поговорим о распределённых системах: очереди, ретраи; «идемпотентность», " +
		"обратная косая \\ и ёлки-палки. Съешь же ещё этих мягких французских булок, да выпей чаю.\n"
	r := []rune(strings.Repeat(para, n/len([]rune(para))+1))
	return string(r[:n])
}

// utf8Case puts 2-, 3- and 4-byte characters at every offset against the fold points.
func utf8Case(t *testing.T) calCase {
	e := baseEvent(t)
	e.Summary = strings.Repeat("a🎉", 40)
	e.Description = strings.Repeat("aЖ€🎉", 120)
	e.Location = strings.Repeat("€", 60)
	return calCase{name: "utf8-boundaries", method: MethodRequest, events: []Event{e}}
}
