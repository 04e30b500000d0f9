package mailer

import (
	"testing"
	"time"
)

// testBaseURL is the base URL of every test renderer.
const testBaseURL = "https://convene.example"

// newTestRenderer builds the renderer from the embedded templates or fails the test.
func newTestRenderer(t *testing.T) *Renderer {
	t.Helper()
	r, err := NewRenderer(testBaseURL)
	if err != nil {
		t.Fatalf("NewRenderer: %v", err)
	}
	return r
}

// sampleMeetup is a lunch-and-learn at 12:30 Kyiv time (10:30 UTC) on Thu 3 Dec 2026.
func sampleMeetup() Meetup {
	start := time.Date(2026, 12, 3, 10, 30, 0, 0, time.UTC)
	return Meetup{
		Title:       "Lunch & learn: PostgreSQL in practice",
		Description: "Bring your questions.\r\nSlides <b>will</b> be shared afterwards.",
		Start:       start, End: start.Add(time.Hour), TimeZone: "Europe/Kyiv",
		Location: "Kyiv office, room 4.2", OnlineURL: "https://meet.example.com/abc-def",
		Speakers: []Speaker{
			{Name: "Olena Kovalenko", TalkTitle: "Indexes that pay off"},
			{Name: `Ann "Annie" O'Neil`},
		},
		Organizer: "Platform team",
	}
}

// sampleRecipient reads times in Kyiv.
func sampleRecipient() Recipient { return Recipient{Name: "Taras", TimeZone: "Europe/Kyiv"} }

// Personal links as the outbox would pass them: paths, resolved against the base URL.
const (
	sampleRSVP     = "/r/tok123"
	sampleCalendar = "/r/tok123/invite.ics"
)

// sampleData is realistic data for every kind.
func sampleData() map[string]any {
	m := sampleMeetup()
	moved := m
	moved.Start, moved.End, moved.Location = m.Start.Add(24*time.Hour), m.End.Add(24*time.Hour), "Kyiv office, room 5.1"
	return map[string]any{
		KindInvitation: InvitationData{To: sampleRecipient(), Meetup: m, RSVPURL: sampleRSVP, CalendarURL: sampleCalendar},
		KindUpdate: UpdateData{To: sampleRecipient(), Meetup: moved, RSVPURL: sampleRSVP, CalendarURL: sampleCalendar,
			Before: Before{Start: m.Start, End: m.End, Location: m.Location, OnlineURL: m.OnlineURL}},
		KindCancellation: CancellationData{To: sampleRecipient(), Meetup: m, Reason: "The speaker is ill.\nWe will reschedule."},
		KindReminder:     ReminderData{To: sampleRecipient(), Meetup: m, RSVPURL: sampleRSVP, CalendarURL: sampleCalendar},
		KindTest:         TestData{To: Recipient{TimeZone: "Europe/Kyiv"}, SentAt: m.Start},
	}
}

// rsvpKinds are the kinds that carry the Yes / Maybe / No links.
func rsvpKinds() []string { return []string{KindInvitation, KindUpdate} }
