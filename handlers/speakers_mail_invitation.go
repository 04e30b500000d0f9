package handlers

import (
	"context"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// speakerInvitationMail renders the mail telling a speaker who withdrew what became of their own
// invitation to the meetup (n.Invitation): still invited as an attendee, with their RSVP link and
// no calendar (their event stands), or uninvited, with the meetup's CANCEL naming only them (the
// invitation's UID, the SEQUENCE the withdrawal raised). Its key is one per withdrawal.
func (h *Handlers) speakerInvitationMail(ctx context.Context, tx sqlx.QueryerContext, n models.SpeakerNotice, org models.Recipient) (speakerMail, error) {
	m, p := n.Meetup, n.Invitation.Person
	sm := speakerMail{Kind: n.Kind, TeamID: n.TeamID, MeetupID: m.ID, PersonID: p.PersonID, ReplyTo: h.replyTo(org),
		To:  models.Recipient{Email: p.Email, Name: p.Name, Lang: mailLang(p.Language)},
		Key: keyOf(n.Kind, m.ID, p.PersonID, n.Candidate.ID, n.Candidate.ICalSequence)}
	mm, err := h.mailMeetup(ctx, tx, m)
	if err != nil {
		return sm, err
	}
	mm.Organizer = org.Name
	d := mailer.SpeakerInvitationData{To: mailer.Recipient{Name: p.Name, TimeZone: p.TimeZone}, Meetup: mm, Organizer: org.Name}
	if n.Kind == models.NoticeStillInvited {
		if d.RSVPURL, err = h.rsvpLinkOf(ctx, tx, m, p.PersonID); err != nil {
			return sm, err
		}
	}
	if sm.Rendered, err = h.Mail.Render(n.Kind, sm.To.Lang, d); err != nil || n.Kind != models.NoticeUninvited {
		return sm, err
	}
	sm.ICSMethod = mailer.MethodCancel
	ics, err := h.personalCalendar(m, sm.ICSMethod, "", p)
	sm.ICS = []byte(ics)
	return sm, err
}
