package handlers

import (
	"context"
	"fmt"
	"time"

	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// speakerMail is one mail of steps 3–5, shaped for the outbox.
type speakerMail struct {
	Kind     string // the mail template (a models.Notice… kind)
	Key      string // idempotency key, unique in the outbox
	TeamID   string
	MeetupID string
	To       models.Recipient
	Subject  string
	Link     string // the speaker's personal /o/ or /c/ link, if any
	Calendar bool   // carries the speaker's invite for their slot (METHOD:REQUEST)
	Notice   models.SpeakerNotice
}

// speakerNotify is the models.NotifyFunc of steps 3–5: it builds the mail a change causes and
// enqueues it in that change's transaction.
func (h *Handlers) speakerNotify(ctx context.Context, tx sqlx.ExtContext, n models.SpeakerNotice) error {
	mails, err := h.speakerMails(ctx, tx, n)
	if err != nil {
		return err
	}
	for _, m := range mails {
		if err := h.enqueueSpeakerMail(ctx, tx, m); err != nil {
			return err
		}
	}
	return nil
}

// speakerMails builds the mails of a notice: to the speaker, or to the meetup's organisers.
func (h *Handlers) speakerMails(ctx context.Context, tx sqlx.ExtContext, n models.SpeakerNotice) ([]speakerMail, error) {
	c := n.Candidate
	m := speakerMail{Kind: n.Kind, TeamID: n.TeamID, MeetupID: n.Meetup.ID, Notice: n,
		To: models.Recipient{Email: c.Email, Name: c.Name, Lang: c.Language}}
	var err error
	switch n.Kind {
	case models.NoticeBrief, models.NoticeFollowUp:
		m.Key = n.Kind + ":" + c.ID
		m.Link, err = h.speakerLink(ctx, tx, n, models.PurposeOutreach, "/o/")
	case models.NoticeConfirmRequest:
		m.Key = fmt.Sprintf("%s:%s:%s", n.Kind, c.ID, slotID(n.Slot))
		m.Link, err = h.speakerLink(ctx, tx, n, models.PurposeConfirm, "/c/")
	case models.NoticeConfirmed:
		m.Key, m.Calendar = fmt.Sprintf("%s:%s:%s", n.Kind, c.ID, slotID(n.Slot)), true
		m.Link, err = h.speakerLink(ctx, tx, n, models.PurposeConfirm, "/c/")
	default:
		return h.organiserMails(ctx, tx, m)
	}
	m.Subject = h.Views.NewTranslator(m.To.Lang).T("speakers.mail."+n.Kind+".subject", "Title", n.Meetup.Title)
	return []speakerMail{m}, err
}

// organiserMails addresses an alert to each organiser of the meetup, in their language.
func (h *Handlers) organiserMails(ctx context.Context, tx sqlx.ExtContext, m speakerMail) ([]speakerMail, error) {
	to, err := models.MeetupOrganisers(ctx, tx, m.MeetupID)
	if err != nil {
		return nil, err
	}
	c := m.Notice.Candidate
	at := c.ConfirmedAt
	if c.DeclinedAt != nil {
		at = c.DeclinedAt
	}
	out := make([]speakerMail, 0, len(to))
	for _, r := range to {
		o := m
		o.To = r
		o.Key = fmt.Sprintf("%s:%s:%s:%d", m.Kind, c.ID, r.Email, unixOrZero(at))
		o.Subject = h.Views.NewTranslator(r.Lang).T("speakers.mail."+m.Kind+".subject", "Title", m.Notice.Meetup.Title, "Name", c.Name)
		out = append(out, o)
	}
	return out, nil
}

// speakerLink returns the candidate's personal link of a purpose, as a full URL.
func (h *Handlers) speakerLink(ctx context.Context, tx sqlx.ExtContext, n models.SpeakerNotice, purpose, prefix string) (string, error) {
	meetupID := n.Meetup.ID
	tok, err := h.Links.Ensure(ctx, tx, models.LinkSpec{TeamID: n.TeamID, Purpose: purpose, MeetupID: &meetupID, Subject: n.Candidate.ID})
	if err != nil {
		return "", err
	}
	return h.Cfg.BaseURL + prefix + tok, nil
}

// enqueueSpeakerMail puts one mail into the outbox, in tx.
//
// TODO(mail): the outbox (branch mail) is not on main yet. When it lands, render m with the mail
// templates (kind = m.Kind, language = m.To.Lang; the speaker invite adds mailer.Calendar(REQUEST)
// for m.Notice.Slot) and call models.Enqueue(ctx, tx, …) with m.Key as the idempotency key.
// Until then the change is recorded and nothing is sent; never log m.Link (it holds a token).
func (h *Handlers) enqueueSpeakerMail(ctx context.Context, tx sqlx.ExtContext, m speakerMail) error {
	h.Log.DebugContext(ctx, "speaker mail (no outbox yet)", "kind", m.Kind, "key", m.Key)
	return nil
}

// slotID is a slot's id, or "" for none.
func slotID(s *models.Slot) string {
	if s == nil {
		return ""
	}
	return s.ID
}

// unixOrZero is a time's Unix seconds, or 0 for none.
func unixOrZero(t *time.Time) int64 {
	if t == nil {
		return 0
	}
	return t.Unix()
}
