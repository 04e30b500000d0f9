package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// Feedback is one person's answer to a meetup's feedback form.
type Feedback struct {
	Rating     int        `db:"rating" json:"rating"`
	NPS        *int       `db:"nps" json:"nps"`
	Impact     *int       `db:"impact" json:"impact"`
	Useful     string     `db:"useful" json:"useful"`
	Improve    string     `db:"improve" json:"improve"`
	NextTopics string     `db:"next_topics" json:"next_topics"`
	FlaggedAt  *time.Time `db:"flagged_at" json:"flagged_at"`
	AlertedAt  *time.Time `db:"alerted_at" json:"alerted_at"`
	UpdatedAt  time.Time  `db:"updated_at" json:"updated_at"`
}

// feedbackColumns are the columns read into Feedback.
const feedbackColumns = `rating, nps, impact, useful, improve, next_topics, flagged_at, alerted_at, updated_at`

const getFeedbackSQL = `SELECT ` + feedbackColumns + ` FROM feedback WHERE meetup_id = $1 AND person_id = $2`

// feedbackOpenSQL reads whether a meetup's form takes answers now, by database time.
const feedbackOpenSQL = `
SELECT team_id, coalesce(feedback_closes_at > now(), false) AND stage <> 'cancelled' AS open
FROM meetups WHERE id = $1`

const upsertFeedbackSQL = `
INSERT INTO feedback (meetup_id, person_id, team_id, rating, nps, impact, useful, improve, next_topics)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (meetup_id, person_id) DO UPDATE
SET rating = EXCLUDED.rating, nps = EXCLUDED.nps, impact = EXCLUDED.impact, useful = EXCLUDED.useful,
    improve = EXCLUDED.improve, next_topics = EXCLUDED.next_topics, updated_at = now()
RETURNING ` + feedbackColumns

// SaveFeedback records a person's answer (replacing an earlier one) with the topics they suggest
// put in the team's backlog, and alerts the organisers of a low rating once per answer, all in
// one transaction. A closed form is ErrFeedbackClosed; bad input changes nothing.
func (s *Store) SaveFeedback(ctx context.Context, meetupID, personID string, in FeedbackInput, alert FeedbackAlertMail) (Feedback, error) {
	f, topics, err := in.normalize()
	if err != nil {
		return f, err
	}
	var saved Feedback
	err = s.InTx(ctx, func(tx *sqlx.Tx) error {
		var st struct {
			TeamID string `db:"team_id"`
			Open   bool   `db:"open"`
		}
		if err := tx.GetContext(ctx, &st, feedbackOpenSQL, meetupID); err != nil {
			return mapErr(err)
		}
		if !st.Open {
			return ErrFeedbackClosed
		}
		if err := tx.GetContext(ctx, &saved, upsertFeedbackSQL, meetupID, personID, st.TeamID, f.Rating, f.NPS,
			f.Impact, f.Useful, f.Improve, f.NextTopics); err != nil {
			return mapErr(err)
		}
		for _, t := range topics {
			if _, err := AddTopicIdea(ctx, tx, st.TeamID, t, IdeaFromFeedback, &meetupID); err != nil {
				return err
			}
		}
		if saved.Rating > lowRating {
			return nil
		}
		return alertOnce(ctx, tx, AlertLowRating, meetupID, personID, &saved, alert)
	})
	return saved, err
}

// GetFeedback returns a person's answer to a meetup's form, or ErrNotFound.
func (s *Store) GetFeedback(ctx context.Context, meetupID, personID string) (Feedback, error) {
	var f Feedback
	err := s.DB.GetContext(ctx, &f, getFeedbackSQL, meetupID, personID)
	return f, mapErr(err)
}
