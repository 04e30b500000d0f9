package models

import (
	"context"
	"errors"
	"time"
)

// FeedbackLinkView is everything the feedback page shows to the person its link belongs to.
type FeedbackLinkView struct {
	Meetup Meetup
	Person Respondent
	// ClosesAt is when the form stops taking answers; Open is whether it takes them now (database time).
	ClosesAt time.Time
	Open     bool
	// Answer is the person's answer, or nil.
	Answer *Feedback
}

const feedbackLinkSQL = `
SELECT feedback_closes_at, coalesce(feedback_closes_at > now(), false) AND stage <> 'cancelled' AS open
FROM meetups WHERE id = $1 AND team_id = $2 AND feedback_closes_at IS NOT NULL`

// FeedbackForLink loads the feedback page of a resolved feedback link; a link whose person or
// meetup is gone, or whose form never went out, is ErrNotFound.
func (s *Store) FeedbackForLink(ctx context.Context, l Link) (FeedbackLinkView, error) {
	var v FeedbackLinkView
	if l.Purpose != PurposeFeedback || l.MeetupID == nil || l.PersonID == nil {
		return v, ErrNotFound
	}
	var err error
	if v.Meetup, err = s.GetMeetup(ctx, l.TeamID, *l.MeetupID); err != nil {
		return v, err
	}
	var st struct {
		ClosesAt time.Time `db:"feedback_closes_at"`
		Open     bool      `db:"open"`
	}
	if err := s.DB.GetContext(ctx, &st, feedbackLinkSQL, *l.MeetupID, l.TeamID); err != nil {
		return v, mapErr(err)
	}
	v.ClosesAt, v.Open = st.ClosesAt, st.Open
	if err := s.DB.GetContext(ctx, &v.Person, respondentSQL, *l.PersonID, l.TeamID); err != nil {
		return v, mapErr(err)
	}
	a, err := s.GetFeedback(ctx, *l.MeetupID, *l.PersonID)
	switch {
	case err == nil:
		v.Answer = &a
	case !errors.Is(err, ErrNotFound):
		return v, err
	}
	return v, nil
}
