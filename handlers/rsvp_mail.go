package handlers

import (
	"context"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// mailMeetup is what meetup mails say about m, with the confirmed speakers.
func (h *Handlers) mailMeetup(ctx context.Context, tx sqlx.QueryerContext, m models.Meetup) (mailer.Meetup, error) {
	lineup, err := models.ConfirmedLineupIn(ctx, tx, m.TeamID, m.ID)
	if err != nil {
		return meetupForMail(m, nil), err
	}
	return meetupForMail(m, lineup.Speakers), nil
}

// meetupForMail is what meetup mails say about m with its confirmed speakers, in slot order.
func meetupForMail(m models.Meetup, speakers []models.LineupSpeaker) mailer.Meetup {
	mm := mailer.Meetup{Title: m.Title, Description: m.Description, TimeZone: m.Timezone,
		Location: m.Location, OnlineURL: m.OnlineURL}
	if m.StartsAt != nil && m.EndsAt != nil {
		mm.Start, mm.End = *m.StartsAt, *m.EndsAt
	}
	for _, s := range speakers {
		mm.Speakers = append(mm.Speakers, mailer.Speaker{Name: s.Name, TalkTitle: s.TalkTitle})
	}
	return mm
}

// rsvpLinkOf is a person's RSVP page address for a meetup, made the first time.
func (h *Handlers) rsvpLinkOf(ctx context.Context, tx sqlx.QueryerContext, m models.Meetup, personID string) (string, error) {
	tok, err := h.Links.Ensure(ctx, tx, models.LinkSpec{TeamID: m.TeamID, Purpose: models.PurposeRSVP, PersonID: &personID, MeetupID: &m.ID})
	if err != nil {
		return "", err
	}
	return h.Cfg.BaseURL + "/r/" + tok, nil
}

// mailLang is a person's language, English when unknown.
func mailLang(lang string) string {
	if lang == "" {
		return "en"
	}
	return lang
}

// personalCalendar is m as a calendar of method naming p as the attendee who must answer.
func (h *Handlers) personalCalendar(m models.Meetup, method, rsvpURL string, p models.InvitedPerson) (string, error) {
	ev := h.meetupEvent(m, rsvpURL)
	ev.Attendees = []mailer.Attendee{{Name: p.Name, Email: p.Email, PartStat: partStat(p.Status), RSVP: true}}
	b, err := mailer.Calendar(method, ev)
	return string(b), err
}

// personMail builds one person's mail about meetup m (described as mm), given their RSVP link.
type personMail func(mm mailer.Meetup, p models.InvitedPerson, link string) (models.OutboxMessage, error)

// mailPeople enqueues one mail per person about m, built by build, in the transaction tx.
func (h *Handlers) mailPeople(ctx context.Context, tx *sqlx.Tx, m models.Meetup, people []models.InvitedPerson, build personMail) error {
	if len(people) == 0 {
		return nil
	}
	mm, err := h.mailMeetup(ctx, tx, m)
	if err != nil {
		return err
	}
	msgs := make([]models.OutboxMessage, 0, len(people))
	for _, p := range people {
		link, err := h.rsvpLinkOf(ctx, tx, m, p.PersonID)
		if err != nil {
			return err
		}
		msg, err := build(mm, p, link)
		if err != nil {
			return err
		}
		msgs = append(msgs, msg)
	}
	_, err = models.EnqueueBatch(ctx, tx, msgs)
	return err
}

// mailBroadcaster sends everyone invited an update (REQUEST, the new SEQUENCE) or a
// cancellation (CANCEL) — those invited as speakers as changeMailOf says —, each speaker whose
// slot moved with an update theirs, and each chosen speaker of a cancelled meetup the news (a
// confirmed one with the CANCEL of their event), inside the transaction of the change.
func (h *Handlers) mailBroadcaster(ctx context.Context, tx *sqlx.Tx, ch models.MeetupChange) error {
	if err := h.mailInvited(ctx, tx, ch); err != nil {
		return err
	}
	if ch.Kind == models.ChangeCancel {
		return h.mailSpeakersCancelled(ctx, tx, ch)
	}
	return h.mailSlotMoves(ctx, tx, ch)
}

// mailNotifier records an RSVP event once and mails the waitlisted or promoted notice under the
// event's key, in the transaction of the answer: one read for what the mail says, then the event
// and the mail in one write (models.RecordNotice), so seats stay locked for little more.
func (h *Handlers) mailNotifier() models.Notifier {
	record := h.Store.RecordEvents()
	return func(ctx context.Context, tx *sqlx.Tx, ev models.RSVPEvent) error {
		if ev.Kind != models.EventWaitlisted && ev.Kind != models.EventPromoted {
			return record(ctx, tx, ev)
		}
		n, err := h.Store.NoticeOf(ctx, tx, ev)
		if err != nil {
			return err
		}
		link, err := h.noticeLink(ctx, tx, n)
		if err != nil {
			return err
		}
		return h.Store.RecordNoticeOf(ctx, tx, ev, func() (models.OutboxMessage, error) { return h.noticeMessage(ev, n, link) })
	}
}

// NoticeMail records ev once and mails its notice in the transaction tx (a models.Notifier), for
// serve's seat sweep.
func (h *Handlers) NoticeMail(ctx context.Context, tx *sqlx.Tx, ev models.RSVPEvent) error {
	return h.mailNotifier()(ctx, tx, ev)
}

// noticeMessage renders the waitlisted or promoted notice of ev, in the person's language, with
// their RSVP page's address; its words are of a seat in the room or of a remote place, by n.Mode.
func (h *Handlers) noticeMessage(ev models.RSVPEvent, n models.Notice, link string) (models.OutboxMessage, error) {
	m, p := n.Meetup, n.Person
	kind, data := noticeData(ev, n, link)
	r, err := h.Mail.Render(kind, mailLang(p.Language), data)
	return models.OutboxMessage{TeamID: m.TeamID, MeetupID: m.ID, PersonID: p.PersonID, Kind: ev.Kind,
		Lang: mailLang(p.Language), IdempotencyKey: ev.Key, ToEmail: p.Email, ToName: p.Name, From: h.mailFrom(),
		Subject: r.Subject, Text: r.Text, HTML: r.HTML, MessageIDHost: baseHost(h.Cfg.BaseURL)}, err
}

// noticeData is the mail kind and data of ev's notice.
func noticeData(ev models.RSVPEvent, n models.Notice, link string) (string, any) {
	mm := meetupForMail(n.Meetup, n.Lineup)
	to := mailer.Recipient{Name: n.Person.Name, TimeZone: n.Person.TimeZone}
	if ev.Kind == models.EventWaitlisted {
		return mailer.KindWaitlisted, mailer.WaitlistedData{To: to, Meetup: mm, Mode: n.Mode, Position: ev.Position, RSVPURL: link}
	}
	return mailer.KindPromoted, mailer.PromotedData{To: to, Meetup: mm, Mode: n.Mode, RSVPURL: link, CalendarURL: link + "/invite.ics"}
}

// noticeLink is the RSVP page address of a notice's person: their link's, made when they have none.
func (h *Handlers) noticeLink(ctx context.Context, tx *sqlx.Tx, n models.Notice) (string, error) {
	if n.LinkID == nil {
		return h.rsvpLinkOf(ctx, tx, n.Meetup, n.Person.PersonID)
	}
	return h.Cfg.BaseURL + "/r/" + h.Links.Token(*n.LinkID, models.PurposeRSVP), nil
}
