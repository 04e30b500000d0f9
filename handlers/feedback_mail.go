package handlers

import (
	"context"
	"fmt"
	"strconv"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// feedbackMeetup is what the feedback mails say about m.
func feedbackMeetup(m models.Meetup) mailer.Meetup {
	mm := mailer.Meetup{Title: m.Title, TimeZone: m.Timezone, Location: m.Location}
	if m.StartsAt != nil && m.EndsAt != nil {
		mm.Start, mm.End = *m.StartsAt, *m.EndsAt
	}
	return mm
}

// feedbackMail renders the form mails (the form or its reminder, by Kind) each in its recipient's
// language and puts them in the outbox inside the transaction that records the send. They expire
// when the form closes: a form nobody can answer any more is not worth delivering.
func (h *Handlers) feedbackMail(ctx context.Context, tx sqlx.ExtContext, m models.Meetup, w models.FeedbackWindow, rs []models.FeedbackRecipient) error {
	meetup, from, host := feedbackMeetup(m), h.mailFrom(), baseHost(h.Cfg.BaseURL)
	msgs := make([]models.OutboxMessage, 0, len(rs))
	for _, r := range rs {
		data := mailer.FeedbackData{To: mailer.Recipient{Name: r.Name, TimeZone: r.Timezone}, Meetup: meetup,
			FormURL: h.Cfg.BaseURL + "/f/" + r.Token, ClosesAt: w.ClosesAt}
		lang := mailLang(r.Language)
		out, err := h.Mail.Render(r.Kind, lang, data)
		if err != nil {
			return err
		}
		msgs = append(msgs, models.OutboxMessage{TeamID: m.TeamID, MeetupID: m.ID, PersonID: r.PersonID,
			Kind: r.Kind, Lang: lang, IdempotencyKey: r.Key, ToEmail: r.Email, ToName: r.Name, From: from,
			Subject: out.Subject, Text: out.Text, HTML: out.HTML, MessageIDHost: host, ExpiresAt: &w.ClosesAt})
	}
	_, err := models.EnqueueBatch(ctx, tx, msgs)
	return err
}

// feedbackAlert mails each organiser the answer (a low rating or a flag) in their language,
// inside the transaction of the answer or the flag.
func (h *Handlers) feedbackAlert(ctx context.Context, tx sqlx.ExtContext, a models.FeedbackAlert) error {
	data := mailer.FeedbackAlertData{Meetup: feedbackMeetup(a.Meetup), Flagged: a.Reason == models.AlertFlagged,
		From: fmt.Sprintf("%s <%s>", a.Person.Name, a.Email), Rating: a.Answer.Rating, NPS: optScore(a.Answer.NPS),
		Impact: optScore(a.Answer.Impact), Useful: a.Answer.Useful, Improve: a.Answer.Improve,
		Topics: a.Answer.NextTopics, ReportURL: h.Cfg.BaseURL + "/meetups/" + a.Meetup.ID + "/feedback"}
	if a.Person.Name == "" {
		data.From = a.Email
	}
	for _, o := range a.Organisers {
		data.To = mailer.Recipient{Name: o.Name}
		out, err := h.Mail.Render(mailer.KindFeedbackAlert, o.Lang, data)
		if err != nil {
			return err
		}
		msg := models.OutboxMessage{TeamID: a.Meetup.TeamID, MeetupID: a.Meetup.ID, Kind: models.MailFeedbackAlert,
			Lang: mailLang(o.Lang), ToEmail: o.Email, ToName: o.Name, From: h.mailFrom(),
			Subject: out.Subject, Text: out.Text, HTML: out.HTML, MessageIDHost: baseHost(h.Cfg.BaseURL)}
		msg.IdempotencyKey = fmt.Sprintf("feedback_alert:%s:%s:%s", a.Meetup.ID, a.Person.ID, o.ID)
		_, _, err = models.Enqueue(ctx, tx, msg)
		if err != nil {
			return err
		}
	}
	return nil
}

// optScore shows an optional score, "" when it was not given.
func optScore(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}
