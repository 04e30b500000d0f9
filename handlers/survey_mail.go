package handlers

import (
	"context"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// surveyLink is the public address of a survey link token.
func (h *Handlers) surveyLink(token string) string { return h.Cfg.BaseURL + "/s/" + token }

// surveyMail renders the survey mails (invitation, reminder or chosen topic, by Kind) each in
// its recipient's language and puts them in the outbox, inside the transaction that records the send.
// Each mail carries the idempotency key the model computed, so a retry enqueues nothing twice.
func (h *Handlers) surveyMail(ctx context.Context, tx sqlx.ExtContext, m models.Meetup, sv models.Survey, rs []models.SurveyRecipient) error {
	if len(rs) == 0 {
		return nil
	}
	meetup := mailer.Meetup{Title: m.Title, Description: m.Description, TimeZone: m.Timezone}
	from, host := h.mailFrom(), baseHost(h.Cfg.BaseURL)
	msgs := make([]models.OutboxMessage, 0, len(rs))
	for _, r := range rs {
		to := mailer.Recipient{Name: r.Name, TimeZone: r.Timezone}
		link := h.surveyLink(r.Token)
		var data any
		switch r.Kind {
		case models.MailTopicChosen:
			data = mailer.TopicChosenData{To: to, Meetup: meetup, Topic: m.Topic, SurveyURL: link, Answered: r.Answered}
		default:
			data = mailer.SurveyData{To: to, Meetup: meetup, Question: h.localQuestion(sv.Question, r.Language), Topics: sv.Topics,
				ClosesAt: sv.ClosesAt, SurveyURL: link, Reminder: r.Reminder}
		}
		out, err := h.Mail.Render(r.Kind, r.Language, data)
		if err != nil {
			return err
		}
		msgs = append(msgs, models.OutboxMessage{TeamID: m.TeamID, MeetupID: m.ID, PersonID: r.PersonID,
			Kind: r.Kind, Lang: r.Language, IdempotencyKey: r.Key, ToEmail: r.Email, ToName: r.Name,
			From: from, Subject: out.Subject, Text: out.Text, HTML: out.HTML, MessageIDHost: host})
	}
	_, err := models.EnqueueBatch(ctx, tx, msgs)
	return err
}

// localQuestion is the survey's question as a person of language lang reads it: the default
// question, which the form offers in the organiser's language, is asked in the person's own.
func (h *Handlers) localQuestion(q, lang string) string {
	for _, l := range Languages {
		base, _ := l.Base()
		if q == h.Views.NewTranslator(base.String()).T("survey.default_question") {
			return h.Views.NewTranslator(lang).T("survey.default_question")
		}
	}
	return q
}
