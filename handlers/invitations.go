package handlers

import (
	"context"
	"errors"
	"net/http"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
)

// APISendInvitations mails the invitation to every audience member not invited yet
// (POST /api/v1/meetups/{id}/invitations/send) and answers {"invited":N}.
func (h *Handlers) APISendInvitations(c echo.Context) error {
	u := currentUser(c)
	n, err := h.Store.SendInvitations(c.Request().Context(), h.Links, u.TeamID, u.ID, c.Param("id"), h.inviteMail)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]int{"invited": n})
}

// SendInvitationsForm is the "Send invitations" button of the attendees page; the page then
// says how many were invited ("Nobody new to invite" for none), or that the meetup is over.
func (h *Handlers) SendInvitationsForm(c echo.Context) error {
	u := currentUser(c)
	id := c.Param("id")
	n, err := h.Store.SendInvitations(c.Request().Context(), h.Links, u.TeamID, u.ID, id, h.inviteMail)
	if errors.Is(err, models.ErrMeetupOver) {
		h.flash(c, "invite.flash.over")
		return redirect(c, "/meetups/"+id+"/attendees")
	}
	if err != nil {
		return err
	}
	if n == 0 {
		h.flash(c, "invite.flash.sent_none")
	} else {
		h.flashCount(c, "invite.flash.sent", n)
	}
	return redirect(c, "/meetups/"+id+"/attendees")
}

// inviteChunk is how many invitations are rendered before they are enqueued: a send to
// 10,000 people then holds a few megabytes of rendered mail at a time, not 200.
const inviteChunk = 256

// inviteMail renders each invitee's invitation in their language with their personal REQUEST
// calendar (the recipient as ATTENDEE with RSVP=TRUE) and enqueues them, chunk by chunk.
func (h *Handlers) inviteMail(ctx context.Context, tx *sqlx.Tx, m models.Meetup, is []models.Invitee) error {
	mm, err := h.mailMeetup(ctx, tx, m)
	if err != nil {
		return err
	}
	for start := 0; start < len(is); start += inviteChunk {
		msgs := make([]models.OutboxMessage, 0, min(inviteChunk, len(is)-start))
		for _, p := range is[start:min(start+inviteChunk, len(is))] {
			msg, err := h.invitation(m, mm, p)
			if err != nil {
				return err
			}
			msgs = append(msgs, msg)
		}
		if _, err := models.EnqueueBatch(ctx, tx, msgs); err != nil {
			return err
		}
	}
	return nil
}

// invitation renders one invitee's invitation: with the meetup's REQUEST naming them, except to a
// confirmed speaker, whose calendar has their talk's event from their confirmation (the speaker
// mails keep it right): a second event of the meetup would only be out of step with it. One who
// holds the meetup's event already (invited as an attendee before they spoke) gets its CANCEL,
// the SEQUENCE raised by the send, so that their talk's event stands alone.
func (h *Handlers) invitation(m models.Meetup, mm mailer.Meetup, p models.Invitee) (models.OutboxMessage, error) {
	rsvpURL := h.Cfg.BaseURL + "/r/" + p.Token
	lang := mailLang(p.Language)
	d := mailer.InvitationData{To: mailer.Recipient{Name: p.Name, TimeZone: p.TimeZone}, Meetup: mm,
		RSVPURL: rsvpURL, Speaker: p.Speaker, TalkTitle: p.TalkTitle, Replaces: p.Speaker && p.HoldsEvent}
	if !p.Speaker {
		d.CalendarURL = rsvpURL + "/invite.ics"
	}
	method := invitationMethod(p)
	r, err := h.Mail.Render(mailer.KindInvitation, lang, d)
	if err != nil {
		return models.OutboxMessage{}, err
	}
	msg := models.OutboxMessage{TeamID: m.TeamID, MeetupID: m.ID, PersonID: p.PersonID,
		Kind: "invite", Lang: lang, IdempotencyKey: p.Key, ToEmail: p.Email, ToName: p.Name,
		From: h.mailFrom(), Subject: r.Subject, Text: r.Text, HTML: r.HTML, MessageIDHost: baseHost(h.Cfg.BaseURL)}
	if method == "" {
		return msg, nil
	}
	ev := h.meetupEvent(m, rsvpURL)
	ev.Attendees = []mailer.Attendee{{Name: p.Name, Email: p.Email, PartStat: "NEEDS-ACTION", RSVP: true}}
	ics, err := mailer.Calendar(method, ev)
	msg.ICS, msg.ICSMethod = string(ics), method
	return msg, err
}

// invitationMethod is the calendar method of an invitee's invitation: REQUEST for the audience;
// none for a speaker, or CANCEL for one who holds the meetup's event from an earlier invitation.
func invitationMethod(p models.Invitee) string {
	switch {
	case !p.Speaker:
		return mailer.MethodRequest
	case p.HoldsEvent:
		return mailer.MethodCancel
	}
	return ""
}
