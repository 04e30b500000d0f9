package models

import (
	"context"
	"time"
)

// FeedbackStatus is the state of a meetup's feedback form, for the organiser.
type FeedbackStatus struct {
	DelayMinutes int        `db:"feedback_delay_minutes" json:"delay_minutes"`
	OpenDays     int        `db:"feedback_open_days" json:"open_days"`
	DueAt        *time.Time `db:"due_at" json:"due_at"`
	SentAt       *time.Time `db:"feedback_sent_at" json:"sent_at"`
	ClosesAt     *time.Time `db:"feedback_closes_at" json:"closes_at"`
	Open         bool       `db:"open" json:"open"`
	Started      bool       `db:"started" json:"started"`
	Sent         int        `db:"sent" json:"sent"`
	Reminded     int        `db:"reminded" json:"reminded"`
	Answered     int        `db:"answered" json:"answered"`
	LowRatings   int        `db:"low_ratings" json:"low_ratings"`
	// Unsent is how many people a send now would reach.
	Unsent int `db:"unsent" json:"unsent"`
}

const feedbackStatusSQL = `
SELECT m.feedback_delay_minutes, m.feedback_open_days, m.feedback_sent_at, m.feedback_closes_at,
    m.ends_at + make_interval(mins => m.feedback_delay_minutes) AS due_at,
    coalesce(m.feedback_closes_at > now(), false) AND m.stage <> 'cancelled' AS open,
    coalesce(m.starts_at <= now(), false) AS started,
    (SELECT count(*) FROM feedback_requests r WHERE r.meetup_id = m.id) AS sent,
    (SELECT count(*) FROM feedback_requests r WHERE r.meetup_id = m.id AND r.reminded_at IS NOT NULL) AS reminded,
    (SELECT count(*) FROM feedback f WHERE f.meetup_id = m.id) AS answered,
    (SELECT count(*) FROM feedback f WHERE f.meetup_id = m.id AND f.rating <= 2) AS low_ratings,
    (SELECT count(*) FROM rsvps r WHERE ` + feedbackForWhere + `
       AND NOT EXISTS (SELECT 1 FROM feedback_requests q WHERE q.meetup_id = m.id AND q.person_id = r.person_id)) AS unsent
FROM meetups m WHERE m.id = $1 AND m.team_id = $2`

// GetFeedbackStatus returns the state of the form of a meetup of the team.
func (s *Store) GetFeedbackStatus(ctx context.Context, teamID, meetupID string) (FeedbackStatus, error) {
	var st FeedbackStatus
	if !IsUUID(meetupID) {
		return st, ErrNotFound
	}
	err := s.DB.GetContext(ctx, &st, feedbackStatusSQL, meetupID, teamID)
	return st, mapErr(err)
}
