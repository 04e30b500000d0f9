package handlers

import (
	"testing"

	"github.com/convene/convene/models"
)

// BenchmarkRenderRSVPPage renders the page an answer of the RSVP storm gets back: waitlisted, in
// a lunch with two modes, in both languages.
func BenchmarkRenderRSVPPage(b *testing.B) {
	views, err := NewViews()
	if err != nil {
		b.Fatal(err)
	}
	pages := []*Page{}
	for _, lang := range []string{"en", "ru"} {
		p := &Page{Translator: views.NewTranslator(lang), Title: "Lunch & learn: Go generics"}
		p.Form = rsvpForm{Answer: "yes", Mode: "in_person"}
		p.Data = rsvpView{Token: "tok123", Meetup: models.Meetup{Title: "Lunch & learn: Go generics",
			Location: "Room 4.01", OnlineURL: "https://meet.example.com/abc", Description: "Bring questions."},
			When: "Tue 8 Dec 2026, 12:00–13:00 CET", RSVP: models.RSVP{Status: "waitlisted", Mode: "in_person"},
			Position: 42, Seats: models.SeatCount{Limited: true, Capacity: 100, Taken: 100},
			Modes: []string{"in_person", "remote"}, Lunch: true, Saved: true, State: "open",
			InviteURL: "/r/tok123/invite.ics", CalendarURL: "https://convene.example.com/cal/abc.ics"}
		pages = append(pages, p)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := views.Page("rsvp", pages[i%2]); err != nil {
			b.Fatal(err)
		}
	}
}
