package handlers

import (
	"context"
	"fmt"
	"net/mail"
	"time"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// speakerMail is one mail of steps 3–5, rendered and ready for the outbox.
type speakerMail struct {
	Kind      string // the mail template (mailer.KindSpeaker…)
	Key       string // idempotency key, unique in the outbox
	TeamID    string
	MeetupID  string
	PersonID  string // the candidate's speaker id; "" for mail to organisers
	To        models.Recipient
	Link      string // the speaker's personal /o/ or /c/ link, if any
	Rendered  mailer.Rendered
	ICS       []byte // the speaker's calendar event, if any
	ICSMethod string
	ReplyTo   string // the organiser, so that a speaker's reply reaches them; "" for none
}

// speakerNotify is the models.NotifyFunc of steps 3–5: it renders the mails a change causes and
// enqueues them in that change's transaction.
func (h *Handlers) speakerNotify(ctx context.Context, tx sqlx.ExtContext, n models.SpeakerNotice) error {
	org, err := h.meetupOrganisers(ctx, tx, n.Meetup.ID)
	if err != nil {
		return err
	}
	var mails []speakerMail
	switch n.Kind {
	case models.NoticeDeclined, models.NoticeLineupReady:
		mails, err = h.organiserAlerts(n, org)
	case models.NoticeWithdrawn:
		if mails, err = h.organiserAlerts(n, org); err == nil {
			var m speakerMail
			m, err = h.speakerSlotMail(ctx, tx, n, mailer.KindSpeakerCancel, org[0])
			mails = append(mails, m)
		}
	case models.NoticeStillInvited, models.NoticeUninvited:
		var m speakerMail
		m, err = h.speakerInvitationMail(ctx, tx, n, org[0])
		mails = append(mails, m)
	case models.NoticeConfirmRequest, models.NoticeConfirmed, models.NoticeSlotTaken, models.NoticeSlotReopened:
		var m speakerMail
		m, err = h.speakerSlotMail(ctx, tx, n, n.Kind, org[0])
		mails = append(mails, m)
	default:
		var m speakerMail
		m, err = h.speakerBriefMail(ctx, tx, n, org[0])
		mails = append(mails, m)
	}
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

// newSpeakerMail addresses a mail of a notice to its candidate.
func newSpeakerMail(kind string, n models.SpeakerNotice) speakerMail {
	c := n.Candidate
	return speakerMail{Kind: kind, TeamID: n.TeamID, MeetupID: n.Meetup.ID, PersonID: c.SpeakerID,
		To: models.Recipient{Email: c.Email, Name: c.Name, Lang: c.Language}}
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

// meetupOrganisers are who signs and receives the meetup's speaker mail; never empty.
func (h *Handlers) meetupOrganisers(ctx context.Context, tx sqlx.ExtContext, meetupID string) ([]models.Recipient, error) {
	orgs, err := models.MeetupOrganisers(ctx, tx, meetupID)
	if err != nil {
		return nil, err
	}
	org := models.Recipients(orgs)
	if len(org) == 0 {
		org = []models.Recipient{{Email: h.noReplyAddress(), Name: "Convene", Lang: "en"}}
	}
	return org, nil
}

// enqueueSpeakerMail puts one rendered mail into the outbox, in tx; its key makes a repeat a
// no-op. Never log m.Link or the body (they hold the token).
func (h *Handlers) enqueueSpeakerMail(ctx context.Context, tx sqlx.ExtContext, m speakerMail) error {
	_, _, err := models.Enqueue(ctx, tx, models.OutboxMessage{TeamID: m.TeamID, MeetupID: m.MeetupID,
		PersonID: m.PersonID, Kind: m.Kind, Lang: m.To.Lang, IdempotencyKey: m.Key,
		ToEmail: m.To.Email, ToName: m.To.Name, From: h.mailFrom(), ReplyTo: m.ReplyTo,
		Subject: m.Rendered.Subject, Text: m.Rendered.Text, HTML: m.Rendered.HTML,
		ICS: string(m.ICS), ICSMethod: m.ICSMethod, MessageIDHost: baseHost(h.Cfg.BaseURL)})
	return err
}

// unixOrZero is a time's Unix seconds, or 0 for none.
func unixOrZero(t *time.Time) int64 {
	if t == nil {
		return 0
	}
	return t.Unix()
}

// keyOf builds an idempotency key from its parts.
func keyOf(parts ...any) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += ":"
		}
		s += fmt.Sprint(p)
	}
	return s
}

// noReplyAddress signs the speaker mail of a meetup whose organiser is unknown.
func (h *Handlers) noReplyAddress() string { return "noreply@" + hostOf(h.Cfg.BaseURL) }

// replyTo is the Reply-To header of mail sent for an organiser: their address, so that answers
// written back reach them rather than the service's mailbox; "" when no organiser is known.
func (h *Handlers) replyTo(org models.Recipient) string {
	if org.Email == "" || org.Email == h.noReplyAddress() {
		return ""
	}
	return (&mail.Address{Name: org.Name, Address: org.Email}).String()
}
