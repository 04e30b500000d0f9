package handlers

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// errNoSlot means a slot mail was asked for a candidate without a slot.
var errNoSlot = errors.New("speaker mail: the candidate has no slot")

// speakerBriefMail renders the brief or its follow-up with the candidate's /o/ link.
func (h *Handlers) speakerBriefMail(ctx context.Context, tx sqlx.ExtContext, n models.SpeakerNotice, org models.Recipient) (speakerMail, error) {
	m := newSpeakerMail(n.Kind, n)
	m.Key, m.ReplyTo = keyOf(n.Kind, n.Candidate.ID), h.replyTo(org)
	var err error
	if m.Link, err = h.speakerLink(ctx, tx, n, models.PurposeOutreach, "/o/"); err != nil {
		return m, err
	}
	d := mailer.SpeakerBriefData{To: mailer.Recipient{Name: n.Candidate.Name}, Title: n.Meetup.Title,
		Brief: n.Candidate.Brief, ReplyURL: m.Link, Organizer: org.Name}
	m.Rendered, err = h.Mail.Render(m.Kind, m.To.Lang, d)
	return m, err
}

// speakerSlotMail renders a mail about the candidate's slot: the request to confirm (with the /c/
// link), the news that another speaker took it or that it is free again, or, with the speaker's
// calendar event, the confirmation (REQUEST) or the withdrawal (CANCEL).
func (h *Handlers) speakerSlotMail(ctx context.Context, tx sqlx.ExtContext, n models.SpeakerNotice, kind string, org models.Recipient) (speakerMail, error) {
	m := newSpeakerMail(kind, n)
	m.ReplyTo = h.replyTo(org)
	c, s := n.Candidate, n.Slot
	if s == nil {
		return m, errNoSlot
	}
	m.Key = keyOf(kind, c.ID, s.ID, c.ICalSequence)
	if kind == mailer.KindSpeakerSlotTaken && s.HeldBy != nil { // told once per speaker who took it
		m.Key = keyOf(kind, c.ID, s.ID, *s.HeldBy)
	}
	if kind == mailer.KindSpeakerSlotReopened && n.Cause != nil { // told once per withdrawal that freed it
		m.Key = keyOf(kind, c.ID, s.ID, n.Cause.ID, n.Cause.ICalSequence)
	}
	var err error
	if m.Link, err = h.speakerLink(ctx, tx, n, models.PurposeConfirm, "/c/"); err != nil {
		return m, err
	}
	d := slotData(n, m.Link, org)
	if m.Rendered, err = h.Mail.Render(kind, m.To.Lang, d); err != nil || !slotMailHasEvent(kind) {
		return m, err
	}
	m.ICSMethod = mailer.MethodRequest
	if kind == mailer.KindSpeakerCancel {
		m.ICSMethod = mailer.MethodCancel
	}
	m.ICS, err = mailer.SpeakerCalendar(m.ICSMethod, d, "speaker-"+c.ID+"@convene", c.ICalSequence,
		h.speakerOrganizer(org), c.Email)
	return m, err
}

// slotMailHasEvent reports whether a slot mail of kind carries the speaker's calendar event: the
// confirmation and the withdrawal do; the request to confirm, "taken" and "free again" do not.
func slotMailHasEvent(kind string) bool {
	return kind == mailer.KindSpeakerInvite || kind == mailer.KindSpeakerCancel
}

// slotData is what the mails about a notice's slot say: the slot, the meetup's place, the /c/ link.
func slotData(n models.SpeakerNotice, link string, org models.Recipient) mailer.SpeakerSlotData {
	c, s := n.Candidate, n.Slot
	return mailer.SpeakerSlotData{To: mailer.Recipient{Name: c.Name}, Title: n.Meetup.Title, TalkTitle: c.TalkTitle,
		Start: s.StartsAt, End: s.EndsAt, TimeZone: n.Meetup.Timezone, Location: n.Meetup.Location,
		OnlineURL: n.Meetup.OnlineURL, ConfirmURL: link, Organizer: org.Name}
}

// organiserAlerts renders a lineup alert (declined, withdrawn, complete) for each organiser, in their language.
func (h *Handlers) organiserAlerts(n models.SpeakerNotice, org []models.Recipient) ([]speakerMail, error) {
	c := n.Candidate
	at := c.ConfirmedAt
	if n.Kind != models.NoticeLineupReady {
		at = c.DeclinedAt
	}
	d := mailer.OrganiserAlertData{Title: n.Meetup.Title, Speaker: c.Name, Reasked: strings.Join(n.Reasked, ", "),
		PageURL: h.Cfg.BaseURL + "/meetups/" + n.Meetup.ID + "/speakers"}
	if n.Invitation != nil {
		d.Invitation = n.Invitation.Kind
	}
	for _, s := range n.Lineup {
		d.Speakers = append(d.Speakers, mailer.Speaker{Name: s.Name, TalkTitle: s.TalkTitle})
	}
	out := make([]speakerMail, 0, len(org))
	for _, r := range org {
		m := speakerMail{Kind: n.Kind, TeamID: n.TeamID, MeetupID: n.Meetup.ID, To: r,
			Key: keyOf(n.Kind, c.ID, r.Email, unixOrZero(at))}
		d.To = mailer.Recipient{Name: r.Name}
		var err error
		if m.Rendered, err = h.Mail.Render(n.Kind, r.Lang, d); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// hostOf is the host name of a URL, or "localhost".
func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "localhost"
}

// speakerOrganizer is the ORGANIZER of a speaker's event: the organiser by name, at the mailbox the
// mail comes from (From), as in the audience's invitations. Only the organizer may update or
// cancel an event, and calendar clients check it against From (MAIL-NOTES.md).
func (h *Handlers) speakerOrganizer(org models.Recipient) mailer.Attendee {
	return mailer.Attendee{Name: org.Name, Email: h.organizer().Address}
}
