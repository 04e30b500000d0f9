package models

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// State errors of the survey; each is an ErrConflict, so it maps to 409.
var (
	// ErrSurveyClosed means the survey no longer takes answers or changes.
	ErrSurveyClosed = fmt.Errorf("survey closed: %w", ErrConflict)
	// ErrWrongStage means the meetup's stage does not allow the change.
	ErrWrongStage = fmt.Errorf("meetup stage does not allow this: %w", ErrConflict)
)

// Survey is a meetup's topic survey (step 2).
type Survey struct {
	MeetupID         string         `db:"meetup_id" json:"meetup_id"`
	Question         string         `db:"question" json:"question"`
	Topics           pq.StringArray `db:"topics" json:"topics"`
	AllowProposals   bool           `db:"allow_proposals" json:"allow_proposals"`
	ProblemsQuestion string         `db:"problems_question" json:"problems_question"`
	ClosesAt         time.Time      `db:"closes_at" json:"closes_at"`
	ClosedAt         *time.Time     `db:"closed_at" json:"closed_at"`
	ClosedBy         string         `db:"closed_by" json:"closed_by,omitempty"`
	Open             bool           `db:"open" json:"open"`
	CreatedAt        time.Time      `db:"created_at" json:"created_at"`
	UpdatedAt        time.Time      `db:"updated_at" json:"updated_at"`
}

// surveyColumns reads a survey row s; open is judged by database time.
const surveyColumns = `s.meetup_id, s.question, s.allow_proposals, s.problems_question, s.closes_at, s.closed_at,
    s.closed_by, (s.closed_at IS NULL AND s.closes_at > now()) AS open, s.created_at, s.updated_at,
    array(SELECT t.title FROM survey_topics t WHERE t.meetup_id = s.meetup_id ORDER BY t.position, t.id) AS topics`

const getSurveySQL = `
SELECT ` + surveyColumns + ` FROM surveys s JOIN meetups m ON m.id = s.meetup_id
WHERE s.meetup_id = $1 AND m.team_id = $2`

// GetSurvey returns the survey of a meetup of the team; none, or another team's, is ErrNotFound.
func (s *Store) GetSurvey(ctx context.Context, teamID, meetupID string) (Survey, error) {
	if !IsUUID(meetupID) {
		return Survey{}, ErrNotFound
	}
	var sv Survey
	err := s.DB.GetContext(ctx, &sv, getSurveySQL, meetupID, teamID)
	return sv, mapErr(err)
}

const upsertSurveySQL = `
INSERT INTO surveys (meetup_id, question, allow_proposals, problems_question, closes_at)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (meetup_id) DO UPDATE
SET question = EXCLUDED.question, allow_proposals = EXCLUDED.allow_proposals,
    problems_question = EXCLUDED.problems_question, closes_at = EXCLUDED.closes_at, updated_at = now()
WHERE surveys.closed_at IS NULL`

const syncTopicsSQL = `
WITH new AS (
    SELECT u.title, u.ord::int AS position FROM unnest($2::text[]) WITH ORDINALITY AS u(title, ord)
), gone AS (
    DELETE FROM survey_topics WHERE meetup_id = $1 AND lower(title) NOT IN (SELECT lower(title) FROM new)
)
INSERT INTO survey_topics (meetup_id, title, position)
SELECT $1, title, position FROM new
ON CONFLICT (meetup_id, lower(title)) DO UPDATE SET title = EXCLUDED.title, position = EXCLUDED.position`

const surveyStageSQL = `UPDATE meetups SET stage = 'survey', updated_at = now() WHERE id = $1 AND stage = 'audience'`

// DefineSurvey creates or replaces a meetup's survey and moves the meetup to the survey stage.
// Topics kept (by text, case-insensitively) keep their votes; removed ones lose them.
func (s *Store) DefineSurvey(ctx context.Context, teamID, userID, meetupID string, in SurveyInput) (Survey, error) {
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		m, err := lockSurveyMeetup(ctx, tx, teamID, meetupID)
		if err != nil {
			return err
		}
		if m.Stage != StageAudience && m.Stage != StageSurvey {
			return ErrWrongStage
		}
		closes, err := in.normalize(m.Timezone, time.Now())
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, upsertSurveySQL, meetupID, in.Question, *in.AllowProposals, in.ProblemsQuestion, closes)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrSurveyClosed
		}
		if _, err := tx.ExecContext(ctx, syncTopicsSQL, meetupID, stringArray(in.Topics)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, surveyStageSQL, meetupID); err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "survey.define", "meetup:"+meetupID, map[string]any{"topics": len(in.Topics)})
	})
	if err != nil {
		return Survey{}, err
	}
	return s.GetSurvey(ctx, teamID, meetupID)
}

const lockSurveyMeetupSQL = `SELECT ` + meetupColumns + ` FROM meetups WHERE id = $1 AND team_id = $2 FOR UPDATE`

// lockSurveyMeetup reads a meetup of the team and locks it for the rest of the transaction.
func lockSurveyMeetup(ctx context.Context, tx sqlx.QueryerContext, teamID, meetupID string) (Meetup, error) {
	if !IsUUID(meetupID) {
		return Meetup{}, ErrNotFound
	}
	var m Meetup
	err := sqlx.GetContext(ctx, tx, &m, lockSurveyMeetupSQL, meetupID, teamID)
	return m, mapErr(err)
}

const surveyedSQL = `
SELECT s.meetup_id FROM surveys s JOIN meetups m ON m.id = s.meetup_id
WHERE m.team_id = $1 AND s.meetup_id = ANY($2)`

// Surveyed says which of the team's meetups ids have a topic survey.
func (s *Store) Surveyed(ctx context.Context, teamID string, ids []string) (map[string]bool, error) {
	var found []string
	if err := s.DB.SelectContext(ctx, &found, surveyedSQL, teamID, pq.StringArray(ids)); err != nil {
		return nil, mapErr(err)
	}
	out := make(map[string]bool, len(found))
	for _, id := range found {
		out[id] = true
	}
	return out, nil
}
