package handlers

import (
	"context"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// mailSlotMoves tells each chosen speaker of a meetup's update that their slot changed with it,
// in the transaction of the change: a confirmed speaker gets their event again (REQUEST, the same
// UID, SEQUENCE raised), one still asked gets the new time to confirm.
func (h *Handlers) mailSlotMoves(ctx context.Context, tx *sqlx.Tx, ch models.MeetupChange) error {
	if ch.Kind != models.ChangeUpdate || len(ch.Speakers) == 0 {
		return nil
	}
	org, err := h.meetupOrganisers(ctx, tx, ch.Meetup.ID)
	if err != nil {
		return err
	}
	for _, mv := range ch.Speakers {
		m, err := h.slotMoveMail(ctx, tx, mv, ch.Before, org[0])
		if err != nil {
			return err
		}
		if err := h.enqueueSpeakerMail(ctx, tx, m); err != nil {
			return err
		}
	}
	return nil
}

// slotMoveMail renders one speaker's update: their slot now and as it was, and the place before
// (from the meetup as it was), with their event for a confirmed speaker.
func (h *Handlers) slotMoveMail(ctx context.Context, tx *sqlx.Tx, mv models.SlotMove, before models.Meetup, org models.Recipient) (speakerMail, error) {
	n := mv.Notice
	c := n.Candidate
	m := newSpeakerMail(mailer.KindSpeakerUpdate, n)
	m.Key, m.ReplyTo = keyOf(m.Kind, c.ID, n.Meetup.ICalSequence, c.ICalSequence), h.replyTo(org)
	var err error
	if m.Link, err = h.speakerLink(ctx, tx, n, models.PurposeConfirm, "/c/"); err != nil {
		return m, err
	}
	d := mailer.SpeakerUpdateData{SpeakerSlotData: slotData(n, m.Link, org), WasStart: mv.WasStart, WasEnd: mv.WasEnd,
		WasLocation: before.Location, WasOnlineURL: before.OnlineURL, Confirmed: c.Status == models.CandidateConfirmed}
	if m.Rendered, err = h.Mail.Render(m.Kind, m.To.Lang, d); err != nil || !d.Confirmed {
		return m, err
	}
	m.ICSMethod = mailer.MethodRequest
	m.ICS, err = mailer.SpeakerCalendar(m.ICSMethod, d.SpeakerSlotData, "speaker-"+c.ID+"@convene", c.ICalSequence,
		h.speakerOrganizer(org), c.Email)
	return m, err
}
