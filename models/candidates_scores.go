package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// ScoreInput is the organiser's scoring of a candidate; a missing field keeps its value.
type ScoreInput struct {
	Scores *Scores `json:"scores"`
	Notes  *string `json:"notes"`
}

// validate wants each given score in 1–5 and notes of a sane length that can be stored.
func (in ScoreInput) validate() error {
	fe := FieldErrors{}
	if in.Scores != nil {
		for name, v := range map[string]*int{"availability": in.Scores.Availability, "style": in.Scores.Style, "value": in.Scores.Value} {
			if v != nil && (*v < 1 || *v > 5) {
				fe["scores."+name] = "score_range"
			}
		}
	}
	if in.Notes != nil {
		if k := textProblem(*in.Notes, maxNotesLen); k != "" {
			fe["notes"] = k
		}
	}
	return Invalid(fe)
}

const scoreCandidateSQL = `
UPDATE candidates SET score_availability = coalesce($4, score_availability),
    score_style = coalesce($5, score_style), score_value = coalesce($6, score_value),
    score_notes = coalesce($7, score_notes), updated_at = now()
WHERE id = $1 AND meetup_id = $2 AND team_id = $3
RETURNING id`

// ScoreCandidate records scores and notes for a candidate of a meetup of the team.
func (s *Store) ScoreCandidate(ctx context.Context, teamID, userID, meetupID, id string, in ScoreInput) (Candidate, error) {
	if err := in.validate(); err != nil {
		return Candidate{}, err
	}
	if !IsUUID(id) || !IsUUID(meetupID) {
		return Candidate{}, ErrNotFound
	}
	sc := in.Scores
	if sc == nil {
		sc = &Scores{}
	}
	var c Candidate
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockMeetupOpen(ctx, tx, teamID, meetupID); err != nil {
			return err
		}
		var got string
		err := sqlx.GetContext(ctx, tx, &got, scoreCandidateSQL, id, meetupID, teamID,
			sc.Availability, sc.Style, sc.Value, in.Notes)
		if err != nil {
			return err
		}
		if err := Audit(ctx, tx, teamID, userID, "candidate.score", meetupID, map[string]any{"candidate_id": id}); err != nil {
			return err
		}
		c, err = getCandidate(ctx, tx, teamID, meetupID, id)
		return err
	})
	return c, err
}
