package mailer_test

import (
	"reflect"
	"testing"

	"github.com/convene/convene/mailer"
)

func TestSummarizeInviteReadsLoosely(t *testing.T) {
	ics := "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nEND:VTIMEZONE\r\n" +
		"BEGIN:VEVENT\r\nUID:abc@convene\r\nSEQUENCE:3\r\nSUMMARY:Lunch\\, learn\\; and a long\r\n  title\r\n" +
		"DTSTART;TZID=Europe/Berlin:20250110T120000\r\nDTEND:20250110T120000Z\r\n" +
		"ORGANIZER;CN=\"Org: Team\":mailto:org@convene.test\r\nATTENDEE;RSVP=TRUE:mailto:Ann@Example.com\r\n" +
		"BEGIN:VALARM\r\nSUMMARY:alarm\r\nEND:VALARM\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:second\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	got := mailer.SummarizeInvite(ics)
	want := mailer.InviteSummary{Method: "REQUEST", UID: "abc@convene", Sequence: "3",
		Summary: "Lunch, learn; and a long title", Start: "2025-01-10 12:00 (Europe/Berlin)", End: "2025-01-10 12:00 UTC",
		Organizer: "org@convene.test", Attendees: []string{"ann@example.com"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
	if s := mailer.SummarizeInvite("garbage\x00:::"); s.UID != "" {
		t.Fatalf("garbage gave %+v", s)
	}
}
