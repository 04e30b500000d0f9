package models

import (
	"context"
	"encoding/json"
	"fmt"
)

// Result list bounds: the most proposed proposals and the newest problems.
const (
	maxResultProposals = 200
	maxResultProblems  = 500
)

// TopicVotes is one candidate topic and how many people ticked it.
type TopicVotes struct {
	Topic string `json:"topic"`
	Votes int    `json:"votes"`
}

// ProposalCount is one proposed topic (grouped case-insensitively, as first written) and how many proposed it.
type ProposalCount struct {
	Topic string `json:"topic"`
	Count int    `json:"count"`
}

// SurveyResults is the live tally of a survey, each list ranked.
type SurveyResults struct {
	Responses int             `json:"responses"`
	Invited   int             `json:"invited"`
	Topics    []TopicVotes    `json:"topics"`
	Proposals []ProposalCount `json:"proposals"`
	Problems  []ProblemCount  `json:"problems"`
}

// surveyResultsSQL is the whole tally in one statement. Each topic's votes are one count on
// survey_votes_topic_idx, done once (MATERIALIZED) and then ranked; the counts of answers and
// invitations are primary-key scans; proposals and problems use partial indexes.
const surveyResultsSQL = `
WITH sv AS (
    SELECT s.meetup_id FROM surveys s JOIN meetups m ON m.id = s.meetup_id
    WHERE s.meetup_id = $1 AND m.team_id = $2
), tally AS MATERIALIZED (
    SELECT st.id, st.title, st.position, (SELECT count(*) FROM survey_votes v WHERE v.topic_id = st.id) AS votes
    FROM survey_topics st JOIN sv ON st.meetup_id = sv.meetup_id
)
SELECT
  (SELECT count(*) FROM survey_responses r WHERE r.meetup_id = sv.meetup_id) AS responses,
  (SELECT count(*) FROM survey_invites i WHERE i.meetup_id = sv.meetup_id) AS invited,
  (SELECT coalesce(json_agg(json_build_object('topic', t.title, 'votes', t.votes)
                            ORDER BY t.votes DESC, t.position, t.id), '[]') FROM tally t) AS topics,
  (SELECT coalesce(json_agg(json_build_object('topic', p.topic, 'count', p.n) ORDER BY p.n DESC, p.first), '[]')
   FROM (SELECT (array_agg(r.proposal ORDER BY r.answered_at))[1] AS topic, count(*) AS n,
                min(r.answered_at) AS first
         FROM survey_responses r WHERE r.meetup_id = sv.meetup_id AND r.proposal <> ''
         GROUP BY lower(r.proposal) ORDER BY n DESC, first LIMIT $3) p) AS proposals,
  (SELECT coalesce(json_agg(q.problems ORDER BY q.answered_at DESC), '[]')
   FROM (SELECT r.problems, r.answered_at FROM survey_responses r
         WHERE r.meetup_id = sv.meetup_id AND r.problems <> ''
         ORDER BY r.answered_at DESC LIMIT $4) q) AS problems
FROM sv`

// SurveyResults tallies a survey of the team: topics by votes, proposals by count, the problems
// the newest answers named, each once (DistinctProblems).
func (s *Store) SurveyResults(ctx context.Context, teamID, meetupID string) (SurveyResults, error) {
	if !IsUUID(meetupID) {
		return SurveyResults{}, ErrNotFound
	}
	var row struct {
		Responses int    `db:"responses"`
		Invited   int    `db:"invited"`
		Topics    []byte `db:"topics"`
		Proposals []byte `db:"proposals"`
		Problems  []byte `db:"problems"`
	}
	err := s.DB.GetContext(ctx, &row, surveyResultsSQL, meetupID, teamID, maxResultProposals, maxResultProblems)
	if err != nil {
		return SurveyResults{}, mapErr(err)
	}
	res := SurveyResults{Responses: row.Responses, Invited: row.Invited}
	var problems []string
	for _, part := range []struct {
		raw []byte
		dst any
	}{{row.Topics, &res.Topics}, {row.Proposals, &res.Proposals}, {row.Problems, &problems}} {
		if err := json.Unmarshal(part.raw, part.dst); err != nil {
			return SurveyResults{}, fmt.Errorf("survey results: %w", err)
		}
	}
	res.Problems = DistinctProblems(problems)
	return res, nil
}
