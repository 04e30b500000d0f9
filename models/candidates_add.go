package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// CandidateInput names who to consider: a speaker of the directory, or a person (a "new voice")
// who becomes a staff speaker on the way.
type CandidateInput struct {
	SpeakerID string `json:"speaker_id" form:"speaker_id"`
	PersonID  string `json:"person_id" form:"person_id"`
}

const addCandidateSQL = `
INSERT INTO candidates (team_id, meetup_id, speaker_id)
SELECT $1, m.id, s.id FROM meetups m, speakers s
WHERE m.id = $2 AND m.team_id = $1 AND s.id = $3 AND s.team_id = $1
ON CONFLICT (meetup_id, speaker_id) DO NOTHING
RETURNING id`

const findCandidateSQL = `SELECT id FROM candidates WHERE meetup_id = $1 AND speaker_id = $2`

// AddCandidate adds a speaker (or a person) to a meetup's candidates; adding one twice returns
// the existing candidate with created false.
func (s *Store) AddCandidate(ctx context.Context, teamID, userID, meetupID string, in CandidateInput) (Candidate, bool, error) {
	if err := in.validate(); err != nil {
		return Candidate{}, false, err
	}
	var c Candidate
	created := false
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockMeetupOpen(ctx, tx, teamID, meetupID); err != nil {
			return err
		}
		speakerID := in.SpeakerID
		if in.PersonID != "" {
			var err error
			if speakerID, err = speakerForPerson(ctx, tx, teamID, in.PersonID); err != nil {
				return err
			}
		}
		var id string
		err := mapErr(sqlx.GetContext(ctx, tx, &id, addCandidateSQL, teamID, meetupID, speakerID))
		if err == nil {
			created = true
			err = addedCandidate(ctx, tx, teamID, userID, meetupID, id)
		} else if isNotFound(err) {
			err = mapErr(sqlx.GetContext(ctx, tx, &id, findCandidateSQL, meetupID, speakerID))
		}
		if err != nil {
			return err
		}
		c, err = getCandidate(ctx, tx, teamID, meetupID, id)
		return err
	})
	return c, created, err
}

// validate wants exactly one well-formed id.
func (in CandidateInput) validate() error {
	switch {
	case in.SpeakerID == "" && in.PersonID == "":
		return Invalid(FieldErrors{"speaker_id": "required"})
	case in.SpeakerID != "" && in.PersonID != "":
		return Invalid(FieldErrors{"person_id": "one_of"})
	case in.SpeakerID != "" && !IsUUID(in.SpeakerID):
		return Invalid(FieldErrors{"speaker_id": "not_found"})
	case in.PersonID != "" && !IsUUID(in.PersonID):
		return Invalid(FieldErrors{"person_id": "not_found"})
	}
	return nil
}

// addedCandidate moves the meetup to the speaker search and records who added whom.
func addedCandidate(ctx context.Context, tx sqlx.ExtContext, teamID, userID, meetupID, id string) error {
	if err := advanceStage(ctx, tx, meetupID, StageSpeakers); err != nil {
		return err
	}
	return Audit(ctx, tx, teamID, userID, "candidate.add", meetupID, map[string]any{"candidate_id": id})
}

const speakerForPersonSQL = `
WITH p AS (
    SELECT id, team_id, coalesce(nullif(name, ''), email) AS name, email, language,
           ARRAY(SELECT DISTINCT lower(i) FROM unnest(interests) i WHERE i <> '') AS interests
    FROM people WHERE id = $2 AND team_id = $1
), ins AS (
    INSERT INTO speakers (team_id, person_id, name, email, language, source, expertise)
    SELECT team_id, id, name, email, language, 'staff', interests FROM p
    WHERE NOT EXISTS (SELECT 1 FROM speakers s, p WHERE s.team_id = p.team_id
                      AND (s.person_id = p.id OR lower(s.email) = lower(p.email)))
    RETURNING id
)
SELECT id FROM ins
UNION ALL
SELECT s.id FROM speakers s, p WHERE s.team_id = p.team_id AND (s.person_id = p.id OR lower(s.email) = lower(p.email))
LIMIT 1`

// speakerForPerson returns the speaker of a person of the team, adding them as staff if new.
func speakerForPerson(ctx context.Context, tx sqlx.QueryerContext, teamID, personID string) (string, error) {
	var id string
	err := sqlx.GetContext(ctx, tx, &id, speakerForPersonSQL, teamID, personID)
	return id, mapErr(err)
}

const lockMeetupOpenSQL = `
INSERT INTO speaker_settings (meetup_id)
SELECT id FROM meetups WHERE id = $1 AND team_id = $2
ON CONFLICT (meetup_id) DO UPDATE SET follow_up_days = speaker_settings.follow_up_days
RETURNING meetup_id`

const meetupStageSQL = `SELECT stage FROM meetups WHERE id = $1`

// lockMeetupOpen locks a meetup's speaker settings for tx (creating them) and refuses a cancelled or finished meetup.
// The stage is read by a statement of its own, after the lock: the locking statement reads with the
// snapshot it started with, from before a cancellation it may have waited for.
func lockMeetupOpen(ctx context.Context, tx sqlx.QueryerContext, teamID, meetupID string) error {
	if !IsUUID(meetupID) {
		return ErrNotFound
	}
	var id, stage string
	if err := sqlx.GetContext(ctx, tx, &id, lockMeetupOpenSQL, meetupID, teamID); err != nil {
		return mapErr(err)
	}
	if err := sqlx.GetContext(ctx, tx, &stage, meetupStageSQL, meetupID); err != nil {
		return mapErr(err)
	}
	switch stage {
	case StageCancelled:
		return ErrSpeakersCancelled
	case StageDone:
		return ErrSpeakerStepsClosed
	}
	return nil
}
