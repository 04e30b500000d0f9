package mailer

import "testing"

// BenchmarkRenderWaitlisted renders the notice every waitlisted answer enqueues.
func BenchmarkRenderWaitlisted(b *testing.B) {
	r, err := NewRenderer(testBaseURL)
	if err != nil {
		b.Fatal(err)
	}
	d := WaitlistedData{To: sampleRecipient(), Meetup: sampleMeetup(), Position: 17, RSVPURL: sampleRSVP}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(KindWaitlisted, "en", d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderInvitation renders one personal invitation.
func BenchmarkRenderInvitation(b *testing.B) {
	r, err := NewRenderer(testBaseURL)
	if err != nil {
		b.Fatal(err)
	}
	d := sampleData()[KindInvitation]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(KindInvitation, "ru", d); err != nil {
			b.Fatal(err)
		}
	}
}
