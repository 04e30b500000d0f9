package handlers

import (
	"context"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// celebrateNotify is the models.CelebrateNotify of step 6: a thank-you per confirmed speaker and
// a recap per attendee, each in the recipient's language, enqueued in the celebration's
// transaction under a key per meetup and recipient (a repeat enqueues nothing).
func (h *Handlers) celebrateNotify(ctx context.Context, tx sqlx.ExtContext, n models.CelebrationNotice) error {
	org, replyTo := "", ""
	if len(n.Organiser) > 0 {
		org, replyTo = n.Organiser[0].Name, h.replyTo(n.Organiser[0].Recipient)
	}
	msgs := make([]models.OutboxMessage, 0, len(n.Speakers)+len(n.Attendees))
	for _, sp := range n.Speakers {
		d := mailer.SpeakerThanksData{To: mailer.Recipient{Name: sp.Name}, Title: n.Meetup.Title, TalkTitle: sp.TalkTitle,
			Count: n.Talk.Count, Comments: n.Talk.Useful, Organizer: org}
		if n.Talk.Average != nil {
			d.Rating = formatScore(sp.Lang, n.Talk.Average)
		}
		m, err := h.celebrationMail(n, mailer.KindSpeakerThanks, "", models.Recipient{Email: sp.Email, Name: sp.Name, Lang: sp.Lang}, sp.CandidateID, d)
		if err != nil {
			return err
		}
		m.ReplyTo = replyTo
		msgs = append(msgs, m)
	}
	for _, a := range n.Attendees {
		d := mailer.RecapData{To: mailer.Recipient{Name: a.Name, TimeZone: a.TimeZone}, Title: n.Meetup.Title,
			Worked: n.Input.Worked, Change: n.Input.Change, Links: n.Input.RecapLinks, Organizer: org}
		m, err := h.celebrationMail(n, mailer.KindRecap, a.PersonID, models.Recipient{Email: a.Email, Name: a.Name, Lang: a.Lang}, a.PersonID, d)
		if err != nil {
			return err
		}
		m.ReplyTo = replyTo
		msgs = append(msgs, m)
	}
	_, err := models.EnqueueBatch(ctx, tx, msgs)
	return err
}

// celebrationMail renders one mail of the celebration for the outbox; keyPart names the recipient
// in the idempotency key (kind:meetup:recipient).
func (h *Handlers) celebrationMail(n models.CelebrationNotice, kind, personID string, to models.Recipient, keyPart string, data any) (models.OutboxMessage, error) {
	r, err := h.Mail.Render(kind, to.Lang, data)
	if err != nil {
		return models.OutboxMessage{}, err
	}
	return models.OutboxMessage{TeamID: n.TeamID, MeetupID: n.Meetup.ID, PersonID: personID, Kind: kind, Lang: to.Lang,
		IdempotencyKey: keyOf(kind, n.Meetup.ID, keyPart), ToEmail: to.Email, ToName: to.Name, From: h.mailFrom(),
		Subject: r.Subject, Text: r.Text, HTML: r.HTML, MessageIDHost: baseHost(h.Cfg.BaseURL)}, nil
}
