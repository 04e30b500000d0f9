package handlers

import (
	"context"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// speakerInvitationMail renders the mail telling a speaker who withdrew what became of their own
// invitation to the meetup (n.Invitation). Their invitation as a speaker put no meetup event in
// their calendar, only their talk's, which the withdrawal's own mail (speaker_cancel) cancels. Still
// invited as an attendee, they get their RSVP link and the meetup's REQUEST (its UID and current
// SEQUENCE, them as ATTENDEE with their answer and RSVP=TRUE), as an invitation would; uninvited,
// the meetup's CANCEL naming only them (the SEQUENCE the withdrawal raised) only if their calendar
// held the meetup's event too, and no calendar otherwise. Its key is one per withdrawal.
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
	sm.ICSMethod = mailer.MethodRequest
	if n.Kind == models.NoticeStillInvited {
		d.RSVPURL, err = h.rsvpLinkOf(ctx, tx, m, p.PersonID)
	} else {
		sm.ICSMethod = mailer.MethodCancel
		d.MeetupEvent, err = models.HoldsMeetupEvent(ctx, tx, m.ID, p.PersonID)
	}
	if err != nil {
		return sm, err
	}
	if sm.Rendered, err = h.Mail.Render(n.Kind, sm.To.Lang, d); err != nil {
		return sm, err
	}
	if n.Kind == models.NoticeUninvited && !d.MeetupEvent {
		sm.ICSMethod = ""
		return sm, nil
	}
	ics, err := h.personalCalendar(m, sm.ICSMethod, d.RSVPURL, p)
	sm.ICS = []byte(ics)
	return sm, err
}
