package handlers

import (
	"context"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// ReminderMail is the models.ReminderFirer of serve: it mails a due reminder to everyone who
// said yes or maybe, in their language and time zone, inside the transaction that marks it
// fired. Each mail expires at the start, so one the workers reach too late is dropped, not sent.
func (h *Handlers) ReminderMail(ctx context.Context, tx *sqlx.Tx, r models.DueReminder) error {
	m, err := models.MeetupByID(ctx, tx, r.MeetupID)
	if err != nil || m.StartsAt == nil || m.EndsAt == nil {
		return err
	}
	people, err := models.RemindedPeople(ctx, tx, m.ID)
	if err != nil {
		return err
	}
	speakers, err := models.SpeakerInvitees(ctx, tx, m.ID)
	if err != nil {
		return err
	}
	return h.mailPeople(ctx, tx, m, people, func(mm mailer.Meetup, p models.InvitedPerson, link string) (models.OutboxMessage, error) {
		s, isSpeaker := speakers[p.PersonID]
		return h.reminderMessage(m, mm, r, p, link, !isSpeaker || s.HoldsEvent)
	})
}

// reminderMessage renders one person's reminder, keyed by the reminder and the person; with the
// link to the meetup's event file (addFile) unless they were invited as a speaker, whose calendar
// has their talk's event instead.
func (h *Handlers) reminderMessage(m models.Meetup, mm mailer.Meetup, r models.DueReminder, p models.InvitedPerson,
	link string, addFile bool) (models.OutboxMessage, error) {
	lang := mailLang(p.Language)
	d := mailer.ReminderData{To: mailer.Recipient{Name: p.Name, TimeZone: p.TimeZone}, Meetup: mm, RSVPURL: link}
	if addFile {
		d.CalendarURL = link + "/invite.ics"
	}
	out, err := h.Mail.Render(mailer.KindReminder, lang, d)
	if err != nil {
		return models.OutboxMessage{}, err
	}
	return models.OutboxMessage{TeamID: m.TeamID, MeetupID: m.ID, PersonID: p.PersonID, Kind: models.EventReminder,
		Lang: lang, IdempotencyKey: r.Key(p.PersonID), ToEmail: p.Email, ToName: p.Name, From: h.mailFrom(),
		Subject: out.Subject, Text: out.Text, HTML: out.HTML, MessageIDHost: baseHost(h.Cfg.BaseURL),
		ExpiresAt: m.StartsAt}, nil
}
