package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

const closeSurveySQL = `
UPDATE surveys s SET closed_at = now(), closed_by = 'organiser', updated_at = now()
FROM meetups m
WHERE s.meetup_id = $1 AND m.id = s.meetup_id AND m.team_id = $2 AND s.closed_at IS NULL
RETURNING s.meetup_id`

// CloseSurvey closes a survey of the team by hand. It reports whether this call closed it:
// closing a closed survey changes nothing.
func (s *Store) CloseSurvey(ctx context.Context, teamID, userID, meetupID string) (bool, error) {
	if !IsUUID(meetupID) {
		return false, ErrNotFound
	}
	closed := false
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		var ids []string
		if err := tx.SelectContext(ctx, &ids, closeSurveySQL, meetupID, teamID); err != nil {
			return err
		}
		if len(ids) == 0 {
			var sv Survey
			return tx.GetContext(ctx, &sv, getSurveySQL, meetupID, teamID) // ErrNotFound when there is none
		}
		closed = true
		return Audit(ctx, tx, teamID, userID, "survey.close", "meetup:"+meetupID, nil)
	})
	return closed, err
}

// closeDueSQL claims the surveys whose closing time has passed, by database time. Row locks make
// a second replica running it at the same moment skip the rows the first one closed.
const closeDueSQL = `
UPDATE surveys SET closed_at = now(), closed_by = 'schedule', updated_at = now()
WHERE closes_at <= now() AND closed_at IS NULL
RETURNING meetup_id`

// CloseDueSurveys closes every survey past its closing time, once across replicas, and returns
// the meetups whose survey it closed. The serve loop calls it every few seconds.
func (s *Store) CloseDueSurveys(ctx context.Context) ([]string, error) {
	var ids []string
	err := s.DB.SelectContext(ctx, &ids, closeDueSQL)
	return ids, mapErr(err)
}
