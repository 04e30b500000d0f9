package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// LinkView is what a speaker's link page shows: the meetup, their candidacy and the slots.
type LinkView struct {
	Meetup    Meetup
	Candidate Candidate
	Slots     []Slot
	Slot      *Slot // the slot they are asked to confirm, if any
	Open      bool  // the outreach answer can still change
	TakenBy   bool  // their slot is held by another speaker
	Reopened  bool  // their slot is free again: the speaker who had confirmed it withdrew after they were asked
}

// SpeakerLinkView reads a speaker's page data for a resolved /o/ or /c/ link; it changes nothing.
func (s *Store) SpeakerLinkView(ctx context.Context, link Link) (LinkView, error) {
	var v LinkView
	if link.MeetupID == nil {
		return v, ErrNotFound
	}
	n, err := notice(ctx, s.DB, "", link.TeamID, *link.MeetupID, link.Subject)
	if err != nil {
		return v, err
	}
	v = LinkView{Meetup: n.Meetup, Candidate: n.Candidate, Slots: n.Slots, Slot: n.Slot}
	v.TakenBy = v.Slot != nil && v.Slot.HeldBy != nil && *v.Slot.HeldBy != v.Candidate.ID
	if v.Open, err = s.replyIsOpen(ctx, v); err != nil {
		return v, err
	}
	v.Reopened, err = slotReopened(ctx, s.DB, v)
	return v, err
}

// replyIsOpen mirrors replyOpen without taking locks.
func (s *Store) replyIsOpen(ctx context.Context, v LinkView) (bool, error) {
	switch {
	case v.Meetup.Stage == StageCancelled || v.Meetup.Stage == StageDone:
		return false, nil
	case v.Candidate.Status == CandidateInvited, v.Candidate.Status == CandidateConfirmed,
		v.Candidate.Status == CandidateWithdrawn, v.Candidate.Status == CandidateFound:
		return false, nil
	}
	if firstAnswer(v.Candidate.Status) {
		return true, nil
	}
	ready, err := lineupReady(ctx, s.DB, v.Meetup.ID)
	return !ready, err
}

// firstAnswer reports whether a candidate of that status got the brief and has not answered it:
// their first answer is taken even once the lineup is fixed, so a brief sent late is no dead end.
func firstAnswer(status string) bool {
	return status == CandidateContacted || status == CandidateNoReply
}

// LineupSpeaker is a confirmed speaker as the audience's invitation shows them.
type LineupSpeaker struct {
	CandidateID string    `db:"candidate_id" json:"candidate_id"`
	SpeakerID   string    `db:"speaker_id" json:"speaker_id"`
	Name        string    `db:"name" json:"name"`
	Email       string    `db:"email" json:"email"`
	TalkTitle   string    `db:"talk_title" json:"talk_title"`
	Abstract    string    `db:"abstract" json:"abstract"`
	SlotID      string    `db:"slot_id" json:"slot_id"`
	StartsAt    time.Time `db:"starts_at" json:"starts_at"`
	EndsAt      time.Time `db:"ends_at" json:"ends_at"`
}

// SpeakerLineup is a meetup's confirmed speakers and whether every chosen one has confirmed.
type SpeakerLineup struct {
	Ready    bool            `json:"ready"`
	Speakers []LineupSpeaker `json:"speakers"`
}

const confirmedLineupSQL = `
SELECT c.id AS candidate_id, s.id AS speaker_id, s.name, s.email, c.talk_title, c.abstract,
       sl.id AS slot_id, sl.starts_at, sl.ends_at
FROM candidates c
JOIN speakers s ON s.id = c.speaker_id
JOIN slot_holds h ON h.candidate_id = c.id
JOIN speaker_slots sl ON sl.id = h.slot_id
WHERE c.meetup_id = $1 AND c.team_id = $2 AND c.status = 'confirmed'
ORDER BY sl.starts_at, s.name`

// ConfirmedLineup returns the confirmed speakers of a meetup of the team in slot order, for the
// audience's invitation (names and talk titles) and the schedule step.
func (s *Store) ConfirmedLineup(ctx context.Context, teamID, meetupID string) (SpeakerLineup, error) {
	return confirmedLineup(ctx, s.DB, teamID, meetupID)
}

// confirmedLineup reads the lineup through db (the store or a transaction).
func confirmedLineup(ctx context.Context, db sqlx.QueryerContext, teamID, meetupID string) (SpeakerLineup, error) {
	l := SpeakerLineup{Speakers: []LineupSpeaker{}}
	if !IsUUID(meetupID) {
		return l, ErrNotFound
	}
	if err := sqlx.SelectContext(ctx, db, &l.Speakers, confirmedLineupSQL, meetupID, teamID); err != nil {
		return l, mapErr(err)
	}
	var err error
	l.Ready, err = lineupReady(ctx, db, meetupID)
	return l, err
}

// ConfirmedLineupIn is ConfirmedLineup read through db (a transaction, so mails written inside
// one need no second connection).
func ConfirmedLineupIn(ctx context.Context, db sqlx.QueryerContext, teamID, meetupID string) (SpeakerLineup, error) {
	return confirmedLineup(ctx, db, teamID, meetupID)
}
