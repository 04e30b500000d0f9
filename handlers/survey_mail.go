package handlers

import (
	"context"

	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// surveyLink is the public address of a survey link token.
func (h *Handlers) surveyLink(token string) string { return h.Cfg.BaseURL + "/s/" + token }

// surveyMail renders the survey mails (invitation, reminder or chosen topic, by Kind) each in
// its recipient's language and puts them in the outbox, inside the transaction that records the send.
// TODO(mail): render templates/mail/<Kind>.tmpl and enqueue once the outbox is on main; until
// then the send is recorded and the links made, but no mail is queued.
func (h *Handlers) surveyMail(ctx context.Context, tx sqlx.ExtContext, m models.Meetup, sv models.Survey, rs []models.SurveyRecipient) error {
	for _, r := range rs {
		_ = h.surveyLink(r.Token)
	}
	return nil
}
