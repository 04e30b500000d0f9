package handlers

import (
	"net/mail"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
)

// organizer is the ORGANIZER of every invite: the mailbox Convene sends from, which is where
// calendar clients send their replies.
func (h *Handlers) organizer() *mail.Address {
	from := h.Cfg.MailFrom
	if from == "" {
		from = "Convene <convene@localhost>"
	}
	a, err := mail.ParseAddress(from)
	if err != nil {
		return &mail.Address{Name: "Convene", Address: "convene@localhost"}
	}
	return a
}

// meetupEvent is a meetup as one VEVENT: its stored UID and SEQUENCE, times in UTC.
func (h *Handlers) meetupEvent(m models.Meetup, rsvpURL string) mailer.Event {
	org := h.organizer()
	ev := mailer.Event{UID: m.ICalUID, Sequence: m.ICalSequence, Stamp: m.UpdatedAt, Start: *m.StartsAt, End: *m.EndsAt,
		Summary: m.Title, Description: m.Description, Location: m.Location, URL: m.OnlineURL,
		OrganizerName: org.Name, OrganizerEmail: org.Address}
	if rsvpURL != "" {
		ev.Description += "\n\n" + rsvpURL
	}
	if m.Stage == models.StageCancelled {
		ev.Status = "CANCELLED"
	}
	return ev
}

// partStat is an RSVP status as an iCalendar PARTSTAT.
func partStat(status string) string {
	switch status {
	case models.RSVPYes:
		return "ACCEPTED"
	case models.RSVPNo:
		return "DECLINED"
	case models.RSVPMaybe:
		return "TENTATIVE"
	}
	return "NEEDS-ACTION"
}
