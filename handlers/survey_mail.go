package handlers

import (
	"context"

	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// surveyLink is the public address of a survey link token.
func (h *Handlers) surveyLink(token string) string { return h.Cfg.BaseURL + "/s/" + token }

// surveyMail renders one survey mail (invitation, reminder or chosen topic, by r.Kind) in the
// recipient's language and puts it in the outbox, inside the transaction that records the send.
// TODO(mail): render templates/mail/<r.Kind>.tmpl and models.Enqueue it once the outbox and the
// renderer are on main; until then the send is recorded and the link made, but no mail is queued.
func (h *Handlers) surveyMail(ctx context.Context, tx sqlx.ExtContext, m models.Meetup, sv models.Survey, r models.SurveyRecipient) error {
	_ = h.surveyLink(r.Token)
	return nil
}
