package models

import (
	"context"
	"time"
)

// FeedbackExportRow is one feedback answer as the CSV export shows it.
type FeedbackExportRow struct {
	Name       string    `db:"name"`
	Email      string    `db:"email"`
	Rating     int       `db:"rating"`
	NPS        *int      `db:"nps"`
	Impact     *int      `db:"impact"`
	Useful     string    `db:"useful"`
	Improve    string    `db:"improve"`
	NextTopics string    `db:"next_topics"`
	AnsweredAt time.Time `db:"answered_at"`
}

const feedbackExportSQL = `
SELECT p.name, p.email, f.rating, f.nps, f.impact, f.useful, f.improve, f.next_topics, f.updated_at AS answered_at
FROM feedback f JOIN people p ON p.id = f.person_id
WHERE f.meetup_id = $1 AND f.team_id = $2
ORDER BY f.updated_at, p.email`

// FeedbackExport returns every feedback answer of a meetup of the team, oldest first.
func (s *Store) FeedbackExport(ctx context.Context, teamID, meetupID string) ([]FeedbackExportRow, error) {
	out := []FeedbackExportRow{}
	err := s.DB.SelectContext(ctx, &out, feedbackExportSQL, meetupID, teamID)
	return out, mapErr(err)
}
