package models

import (
	"context"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Answer limits.
const (
	maxProposalLen = 200
	maxProblemsLen = 4000
)

// SurveyAnswer is one person's answer: the topics ticked, a proposal and their current problems.
type SurveyAnswer struct {
	Topics     pq.StringArray `db:"topics" json:"topics"`
	Proposal   string         `db:"proposal" json:"proposal"`
	Problems   string         `db:"problems" json:"problems"`
	AnsweredAt time.Time      `db:"answered_at" json:"answered_at"`
}

const getAnswerSQL = `
SELECT r.proposal, r.problems, r.answered_at,
    array(SELECT t.title FROM survey_votes v JOIN survey_topics t ON t.id = v.topic_id
          WHERE v.meetup_id = r.meetup_id AND v.person_id = r.person_id ORDER BY t.position, t.id) AS topics
FROM survey_responses r WHERE r.meetup_id = $1 AND r.person_id = $2`

// GetAnswer returns a person's answer to a meetup's survey, or ErrNotFound.
func (s *Store) GetAnswer(ctx context.Context, meetupID, personID string) (SurveyAnswer, error) {
	var a SurveyAnswer
	err := s.DB.GetContext(ctx, &a, getAnswerSQL, meetupID, personID)
	return a, mapErr(err)
}

// The survey row is share-locked while an answer is written, so a close waits for answers
// in flight and no answer lands after it.
const lockOpenSurveySQL = `
SELECT allow_proposals, (closed_at IS NULL AND closes_at > now()) AS open,
    array(SELECT title FROM survey_topics t WHERE t.meetup_id = s.meetup_id) AS topics
FROM surveys s WHERE meetup_id = $1 FOR SHARE`

const upsertResponseSQL = `
INSERT INTO survey_responses (meetup_id, person_id, proposal, problems) VALUES ($1, $2, $3, $4)
ON CONFLICT (meetup_id, person_id) DO UPDATE
SET proposal = EXCLUDED.proposal, problems = EXCLUDED.problems, answered_at = now()`

const clearVotesSQL = `DELETE FROM survey_votes WHERE meetup_id = $1 AND person_id = $2`

const insertVotesSQL = `
INSERT INTO survey_votes (meetup_id, person_id, topic_id)
SELECT $1, $2, id FROM survey_topics WHERE meetup_id = $1 AND lower(title) = ANY($3::text[])`

// SaveAnswer records a person's answer, replacing an earlier one; a closed survey is ErrSurveyClosed.
func (s *Store) SaveAnswer(ctx context.Context, meetupID, personID string, a SurveyAnswer) error {
	return s.InTx(ctx, func(tx *sqlx.Tx) error {
		var sv struct {
			AllowProposals bool           `db:"allow_proposals"`
			Open           bool           `db:"open"`
			Topics         pq.StringArray `db:"topics"`
		}
		if err := tx.GetContext(ctx, &sv, lockOpenSurveySQL, meetupID); err != nil {
			return err
		}
		if !sv.Open {
			return ErrSurveyClosed
		}
		picked, err := a.normalize(sv.Topics, sv.AllowProposals)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, upsertResponseSQL, meetupID, personID, a.Proposal, a.Problems); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, clearVotesSQL, meetupID, personID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, insertVotesSQL, meetupID, personID, stringArray(picked))
		return err
	})
}

// normalize trims the answer and checks it against the survey; it returns the ticked topics lower-cased.
func (a *SurveyAnswer) normalize(offered []string, allowProposals bool) ([]string, error) {
	fe := FieldErrors{}
	known := map[string]bool{}
	for _, t := range offered {
		known[strings.ToLower(t)] = true
	}
	var picked []string
	for _, t := range a.Topics {
		k := strings.ToLower(strings.TrimSpace(t))
		if !known[k] {
			fe["topic"] = "unknown_topic"
		}
		picked = append(picked, k)
	}
	checkLineField(fe, "proposal", &a.Proposal, maxProposalLen, false)
	checkTextField(fe, "problems", &a.Problems, maxProblemsLen, false)
	if a.Proposal != "" && !allowProposals {
		fe["proposal"] = "proposals_closed"
	}
	if len(picked) == 0 && a.Proposal == "" && a.Problems == "" {
		fe["topic"] = "empty_answer"
	}
	return picked, Invalid(fe)
}
