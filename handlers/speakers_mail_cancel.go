package handlers

import (
	"context"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// mailSpeakersCancelled tells, in the transaction of the cancellation, each chosen speaker of a
// cancelled meetup that it will not take place, with the organiser's reason — a confirmed speaker
// gets the CANCEL of their event (the same UID, SEQUENCE raised), one still asked that nothing is
// needed — and each candidate of the brief not in the lineup who has not said no, a short mail.
func (h *Handlers) mailSpeakersCancelled(ctx context.Context, tx *sqlx.Tx, ch models.MeetupChange) error {
	if len(ch.Speakers) == 0 && len(ch.Candidates) == 0 {
		return nil
	}
	org, err := h.meetupOrganisers(ctx, tx, ch.Meetup.ID)
	if err != nil {
		return err
	}
	mails := make([]speakerMail, 0, len(ch.Speakers)+len(ch.Candidates))
	for _, mv := range ch.Speakers {
		m, err := h.speakerCancelledMail(mv.Notice, org[0])
		if err != nil {
			return err
		}
		mails = append(mails, m)
	}
	for _, n := range ch.Candidates {
		m, err := h.candidateCancelledMail(n, org[0])
		if err != nil {
			return err
		}
		mails = append(mails, m)
	}
	return h.enqueueSpeakerMails(ctx, tx, mails)
}

// enqueueSpeakerMails puts each of mails into the outbox, in tx.
func (h *Handlers) enqueueSpeakerMails(ctx context.Context, tx sqlx.ExtContext, mails []speakerMail) error {
	for _, m := range mails {
		if err := h.enqueueSpeakerMail(ctx, tx, m); err != nil {
			return err
		}
	}
	return nil
}

// candidateCancelledMail renders the news of the cancellation to a candidate of the brief who is
// not in the lineup: no link, no calendar. Its key is one per candidacy: a meetup is cancelled once.
func (h *Handlers) candidateCancelledMail(n models.SpeakerNotice, org models.Recipient) (speakerMail, error) {
	c := n.Candidate
	m := newSpeakerMail(mailer.KindSpeakerOutreachCancelled, n)
	m.Key, m.ReplyTo = keyOf(m.Kind, n.Meetup.ID, c.ID), h.replyTo(org)
	d := mailer.SpeakerOutreachCancelledData{To: mailer.Recipient{Name: c.Name}, Title: n.Meetup.Title,
		Reason: n.Meetup.CancelReason, Organizer: org.Name,
		Answered: c.Status != models.CandidateContacted && c.Status != models.CandidateNoReply}
	var err error
	m.Rendered, err = h.Mail.Render(m.Kind, m.To.Lang, d)
	return m, err
}

// speakerCancelledMail renders one speaker's news of the cancellation, with their event's CANCEL
// for a confirmed speaker. Its key is one per candidacy: a meetup is cancelled once.
func (h *Handlers) speakerCancelledMail(n models.SpeakerNotice, org models.Recipient) (speakerMail, error) {
	c := n.Candidate
	m := newSpeakerMail(mailer.KindSpeakerMeetupCancelled, n)
	m.Key, m.ReplyTo = keyOf(m.Kind, n.Meetup.ID, c.ID), h.replyTo(org)
	d := mailer.SpeakerMeetupCancelledData{SpeakerSlotData: slotData(n, "", org), Reason: n.Meetup.CancelReason,
		Confirmed: c.Status == models.CandidateConfirmed}
	var err error
	if m.Rendered, err = h.Mail.Render(m.Kind, m.To.Lang, d); err != nil || !d.Confirmed {
		return m, err
	}
	m.ICSMethod = mailer.MethodCancel
	m.ICS, err = mailer.SpeakerCalendar(m.ICSMethod, d.SpeakerSlotData, "speaker-"+c.ID+"@convene", c.ICalSequence,
		h.speakerOrganizer(org), c.Email)
	return m, err
}
