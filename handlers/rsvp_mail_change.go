package handlers

import (
	"context"
	"fmt"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// mailInvited sends everyone invited to a scheduled meetup its update or cancellation; a meetup
// without a time has invited nobody yet. Those invited as speakers hear of it as changeMailOf says.
func (h *Handlers) mailInvited(ctx context.Context, tx *sqlx.Tx, ch models.MeetupChange) error {
	m := ch.Meetup
	if m.StartsAt == nil || m.EndsAt == nil {
		return nil
	}
	people, err := models.InvitedPeople(ctx, tx, m.ID)
	if err != nil {
		return err
	}
	speakers, err := models.SpeakerInvitees(ctx, tx, m.ID)
	if err != nil {
		return err
	}
	told, bare := people[:0], map[string]bool{}
	for _, p := range people {
		s, isSpeaker := speakers[p.PersonID]
		send, calendar := changeMailOf(ch, s, isSpeaker)
		if send {
			told, bare[p.PersonID] = append(told, p), !calendar
		}
	}
	return h.mailPeople(ctx, tx, m, told, func(mm mailer.Meetup, p models.InvitedPerson, link string) (models.OutboxMessage, error) {
		return h.changeMessage(ch, mm, p, link, !bare[p.PersonID])
	})
}

// changeMailOf says whether someone invited gets the audience's mail of a change, and whether it
// carries the meetup's calendar (the update's REQUEST or the CANCEL). Anyone invited as an
// attendee does, with it. Someone invited as a speaker (isSpeaker) has their talk's event in their
// calendar, not the meetup's: a confirmed speaker told by the speaker mails (every one, on a
// cancellation or a change of start or place) gets no second mail; otherwise (a new end alone) the
// mail comes without a calendar, which would put a second event beside their talk's. One whose
// calendar holds the meetup's event as well (invited as an attendee before they spoke) gets it
// with the calendar, so that event stays right too.
func changeMailOf(ch models.MeetupChange, s models.SpeakerInvitee, isSpeaker bool) (send, calendar bool) {
	switch {
	case !isSpeaker || s.HoldsEvent:
		return true, true
	case s.Confirmed && (ch.Kind == models.ChangeCancel || len(ch.Speakers) > 0):
		return false, false
	}
	return true, false
}

// changeMessage renders one person's update or cancellation, with their personal calendar when
// calendar is true.
func (h *Handlers) changeMessage(ch models.MeetupChange, mm mailer.Meetup, p models.InvitedPerson, link string, calendar bool) (models.OutboxMessage, error) {
	m := ch.Meetup
	lang := mailLang(p.Language)
	kind, method, data := changeData(ch, mm, p, link, calendar)
	r, err := h.Mail.Render(kind, lang, data)
	if err != nil {
		return models.OutboxMessage{}, err
	}
	msg := models.OutboxMessage{TeamID: m.TeamID, MeetupID: m.ID, PersonID: p.PersonID, Kind: ch.Kind,
		Lang: lang, IdempotencyKey: fmt.Sprintf("%s:%s:%s:%d", ch.Kind, m.ID, p.PersonID, m.ICalSequence),
		ToEmail: p.Email, ToName: p.Name, From: h.mailFrom(), Subject: r.Subject, Text: r.Text, HTML: r.HTML,
		MessageIDHost: baseHost(h.Cfg.BaseURL)}
	if !calendar {
		return msg, nil
	}
	msg.ICS, err = h.personalCalendar(m, method, link, p)
	msg.ICSMethod = method
	return msg, err
}

// changeData is the mail kind, calendar method and data of one person's mail of a change.
func changeData(ch models.MeetupChange, mm mailer.Meetup, p models.InvitedPerson, link string, calendar bool) (string, string, any) {
	to := mailer.Recipient{Name: p.Name, TimeZone: p.TimeZone}
	if ch.Kind == models.ChangeCancel {
		return mailer.KindCancellation, mailer.MethodCancel,
			mailer.CancellationData{To: to, Meetup: mm, Reason: ch.Meetup.CancelReason, NoCalendar: !calendar}
	}
	b := mailer.Before{Location: ch.Before.Location, OnlineURL: ch.Before.OnlineURL}
	if ch.Before.StartsAt != nil && ch.Before.EndsAt != nil {
		b.Start, b.End = *ch.Before.StartsAt, *ch.Before.EndsAt
	}
	d := mailer.UpdateData{To: to, Meetup: mm, Before: b, RSVPURL: link, CalendarURL: link + "/invite.ics", NoCalendar: !calendar}
	if !calendar {
		d.CalendarURL = ""
	}
	return mailer.KindUpdate, mailer.MethodRequest, d
}
