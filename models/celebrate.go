package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Why a celebration is refused; each wraps ErrConflict (409), so the meetup is left as it was.
var (
	ErrNotEnded          = fmt.Errorf("%w: the meetup has not ended", ErrConflict)
	ErrMeetupCancelled   = fmt.Errorf("%w: the meetup is cancelled", ErrConflict)
	ErrAlreadyCelebrated = fmt.Errorf("%w: the meetup is already celebrated", ErrConflict)
)

// Celebration is what the organiser recorded when celebrating a meetup.
type Celebration struct {
	Worked       string         `db:"retrospective_worked" json:"worked"`
	Change       string         `db:"retrospective_change" json:"change"`
	RecapLinks   pq.StringArray `db:"recap_links" json:"recap_links"`
	CelebratedAt *time.Time     `db:"celebrated_at" json:"celebrated_at"`
	EndsAt       *time.Time     `db:"ends_at" json:"-"`
	Stage        string         `db:"stage" json:"-"`
}

// Ended reports whether the meetup has an end that is past.
func (c Celebration) Ended(now time.Time) bool { return c.EndsAt != nil && !c.EndsAt.After(now) }

const celebrationColumns = `retrospective_worked, retrospective_change, recap_links, celebrated_at, ends_at, stage`

const getCelebrationSQL = `SELECT ` + celebrationColumns + ` FROM meetups WHERE id = $1 AND team_id = $2`

// GetCelebration returns a meetup's celebration record; another team's id is ErrNotFound.
func (s *Store) GetCelebration(ctx context.Context, teamID, meetupID string) (Celebration, error) {
	if !IsUUID(meetupID) {
		return Celebration{}, ErrNotFound
	}
	var c Celebration
	err := s.DB.GetContext(ctx, &c, getCelebrationSQL, meetupID, teamID)
	return c, mapErr(err)
}

// CelebrationNotice is everything the celebration's mails need, handed to the notify hook
// inside the celebration's transaction.
type CelebrationNotice struct {
	TeamID    string
	Meetup    Meetup
	Input     CelebrateInput
	Talk      TalkFeedback
	Speakers  []CelebratedSpeaker
	Attendees []RecapRecipient
	Organiser []Organiser
}

// CelebrateNotify renders and enqueues a celebration's mails in its transaction.
type CelebrateNotify func(ctx context.Context, tx sqlx.ExtContext, n CelebrationNotice) error

// CelebrateResult says what a celebration did.
type CelebrateResult struct {
	CelebratedAt time.Time `json:"celebrated_at"`
	Stage        string    `json:"stage"`
	Thanked      int       `json:"speakers_thanked"`
	Recapped     int       `json:"attendees_recapped"`
}

const celebrateSQL = `
UPDATE meetups SET stage = 'done', celebrated_at = now(), retrospective_worked = $2,
    retrospective_change = $3, recap_links = $4, updated_at = now()
WHERE id = $1 RETURNING celebrated_at`

// Celebrate records the retrospective and recap links, marks the meetup done, writes each
// confirmed speaker's talk rating and hands the thank-you and recap mails to notify — all in one
// transaction. It is refused (nothing changed, nothing sent) before the end, for a cancelled
// meetup and for one already celebrated.
func (s *Store) Celebrate(ctx context.Context, teamID, userID, meetupID string, in CelebrateInput, notify CelebrateNotify) (CelebrateResult, error) {
	return s.celebrate(ctx, teamID, userID, meetupID, in, notify, false)
}

// celebrate is Celebrate; recorded says it only records a past celebration (demo data), which
// mails nobody, and the audit log says so.
func (s *Store) celebrate(ctx context.Context, teamID, userID, meetupID string, in CelebrateInput, notify CelebrateNotify, recorded bool) (CelebrateResult, error) {
	if !IsUUID(meetupID) {
		return CelebrateResult{}, ErrNotFound
	}
	if err := in.normalize(); err != nil {
		return CelebrateResult{}, err
	}
	var res CelebrateResult
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		n, err := s.lockForCelebration(ctx, tx, teamID, meetupID)
		if err != nil {
			return err
		}
		if err := in.checkNotEmpty(); err != nil { // after the refusals, which say more
			return err
		}
		n.Input = in
		if err := tx.GetContext(ctx, &res.CelebratedAt, celebrateSQL, meetupID, in.Worked, in.Change, pq.StringArray(in.RecapLinks)); err != nil {
			return err
		}
		if err := rateTalks(ctx, tx, n); err != nil {
			return err
		}
		if err := notify(ctx, tx, n); err != nil {
			return err
		}
		res.Stage, res.Thanked, res.Recapped = StageDone, len(n.Speakers), len(n.Attendees)
		action := "meetup.celebrate"
		if recorded {
			action = "meetup.celebrate_recorded"
			res.Thanked, res.Recapped = 0, 0
		}
		return Audit(ctx, tx, teamID, userID, action, meetupID,
			map[string]any{"speakers": res.Thanked, "attendees": res.Recapped, "links": len(in.RecapLinks)})
	})
	return res, err
}

// lockForCelebration locks the meetup, checks it may be celebrated and gathers who to mail.
func (s *Store) lockForCelebration(ctx context.Context, tx *sqlx.Tx, teamID, meetupID string) (CelebrationNotice, error) {
	n := CelebrationNotice{TeamID: teamID}
	if err := tx.GetContext(ctx, &n.Meetup, lockMeetupSQL, meetupID, teamID); err != nil {
		return n, mapErr(err)
	}
	var c Celebration
	if err := tx.GetContext(ctx, &c, getCelebrationSQL, meetupID, teamID); err != nil {
		return n, mapErr(err)
	}
	if err := c.Refusal(time.Now()); err != nil {
		return n, err
	}
	var err error
	if n.Talk, err = talkFeedback(ctx, tx, meetupID); err != nil {
		return n, err
	}
	if n.Speakers, err = celebratedSpeakers(ctx, tx, meetupID); err != nil {
		return n, err
	}
	if n.Attendees, err = recapRecipients(ctx, tx, meetupID); err != nil {
		return n, err
	}
	n.Organiser, err = MeetupOrganisers(ctx, tx, meetupID)
	return n, err
}

// Refusal says why the meetup cannot be celebrated now (ErrMeetupCancelled, ErrAlreadyCelebrated,
// ErrNotEnded), or nil.
func (c Celebration) Refusal(now time.Time) error {
	switch {
	case c.Stage == StageCancelled:
		return ErrMeetupCancelled
	case c.CelebratedAt != nil:
		return ErrAlreadyCelebrated
	case !c.Ended(now):
		return ErrNotEnded
	}
	return nil
}

// rateTalks writes the meetup's rating to each confirmed speaker's candidacy, for their history.
func rateTalks(ctx context.Context, tx sqlx.ExtContext, n CelebrationNotice) error {
	if n.Talk.Average == nil {
		return nil
	}
	for _, sp := range n.Speakers {
		if err := SetTalkRating(ctx, tx, n.Meetup.ID, sp.SpeakerID, *n.Talk.Average, n.Talk.Count); err != nil {
			return err
		}
	}
	return nil
}

// IsCelebrationRefusal reports whether err is one of the reasons a celebration is refused.
func IsCelebrationRefusal(err error) bool {
	return errors.Is(err, ErrNotEnded) || errors.Is(err, ErrMeetupCancelled) || errors.Is(err, ErrAlreadyCelebrated)
}
