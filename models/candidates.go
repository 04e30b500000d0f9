package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Candidate statuses, from found to confirmed (or out).
const (
	CandidateFound      = "found"
	CandidateContacted  = "contacted"
	CandidateInterested = "interested"
	CandidateMaybe      = "maybe"
	CandidateDeclined   = "declined"
	CandidateNoReply    = "no_reply"
	CandidateInvited    = "invited"
	CandidateConfirmed  = "confirmed"
	CandidateWithdrawn  = "withdrawn"
)

// Scores are the organiser's 1–5 marks of a candidate.
type Scores struct {
	Availability *int `db:"score_availability" json:"availability"`
	Style        *int `db:"score_style" json:"style"`
	Value        *int `db:"score_value" json:"value"`
}

// Candidate is a speaker considered for a meetup, with their answer, scores and place in the lineup.
type Candidate struct {
	ID              string         `db:"id" json:"id"`
	MeetupID        string         `db:"meetup_id" json:"meetup_id"`
	SpeakerID       string         `db:"speaker_id" json:"speaker_id"`
	Name            string         `db:"name" json:"name"`
	Email           string         `db:"email" json:"email"`
	Language        string         `db:"language" json:"language"`
	Status          string         `db:"status" json:"status"`
	Brief           string         `db:"brief" json:"-"`
	ContactedAt     *time.Time     `db:"contacted_at" json:"contacted_at"`
	FollowUps       int            `db:"follow_ups" json:"follow_ups"`
	Answer          *string        `db:"answer" json:"answer"`
	FirstAnsweredAt *time.Time     `db:"first_answered_at" json:"-"`
	AnsweredAt      *time.Time     `db:"answered_at" json:"answered_at"`
	ResponseSeconds *int64         `db:"response_seconds" json:"response_seconds"`
	TalkTitle       string         `db:"talk_title" json:"talk_title"`
	Abstract        string         `db:"abstract" json:"abstract"`
	Note            string         `db:"note" json:"note"`
	SlotIDs         pq.StringArray `db:"slot_ids" json:"slots"`
	MovedAnswers    MovedAnswers   `db:"moved_answers" json:"slots_before_move"`
	Scores          Scores         `db:"" json:"scores"`
	ScoreAverage    *float64       `db:"score_average" json:"score_average"`
	ScoreNotes      string         `db:"score_notes" json:"notes"`
	LineupSlotID    *string        `db:"lineup_slot_id" json:"lineup_slot_id"`
	HeldSlotID      *string        `db:"held_slot_id" json:"held_slot_id"`
	ConfirmedFor    *MovedAnswer   `db:"confirmed_for" json:"-"`       // the time they confirmed their slot for, when a reschedule moved it since
	SlotTaken       bool           `db:"slot_taken" json:"slot_taken"` // asked to confirm a slot another speaker confirmed first
	InvitedAt       *time.Time     `db:"invited_at" json:"invited_at"`
	ConfirmedAt     *time.Time     `db:"confirmed_at" json:"confirmed_at"`
	DeclinedAt      *time.Time     `db:"declined_at" json:"declined_at"`
	ICalSequence    int            `db:"ical_sequence" json:"-"`
	CreatedAt       time.Time      `db:"created_at" json:"created_at"`
}

const candidateColumns = `c.id, c.meetup_id, c.speaker_id, s.name, s.email, s.language, c.status, c.brief,
    c.contacted_at, c.follow_ups, c.answer, c.first_answered_at, c.answered_at,
    extract(epoch FROM c.first_answered_at - c.contacted_at)::bigint AS response_seconds,
    c.talk_title, c.abstract, c.note, c.score_availability, c.score_style, c.score_value,
    (SELECT avg(v) FROM unnest(ARRAY[c.score_availability, c.score_style, c.score_value]) v)::float8 AS score_average,
    c.score_notes, c.lineup_slot_id, c.invited_at, c.confirmed_at, c.declined_at, c.ical_sequence, c.created_at,
    (SELECT h.slot_id::text FROM slot_holds h WHERE h.candidate_id = c.id) AS held_slot_id,
    ` + confirmedForColumn + `,
    (c.status = 'invited' AND EXISTS (SELECT 1 FROM slot_holds h
        WHERE h.slot_id = c.lineup_slot_id AND h.candidate_id <> c.id)) AS slot_taken,
    ARRAY(SELECT cs.slot_id::text FROM candidate_slots cs JOIN speaker_slots sl ON sl.id = cs.slot_id
          WHERE cs.candidate_id = c.id AND cs.answered_starts_at IS NULL ORDER BY sl.starts_at) AS slot_ids,
    ` + movedAnswersColumn

const candidateFrom = ` FROM candidates c JOIN speakers s ON s.id = c.speaker_id `

const listCandidatesSQL = `SELECT ` + candidateColumns + candidateFrom + `
WHERE c.meetup_id = $1 AND c.team_id = $2 ORDER BY c.created_at, c.id`

// ListCandidates returns a meetup's candidates in the order they were added.
func (s *Store) ListCandidates(ctx context.Context, teamID, meetupID string) ([]Candidate, error) {
	out := []Candidate{}
	if !IsUUID(meetupID) {
		return out, ErrNotFound
	}
	err := s.DB.SelectContext(ctx, &out, listCandidatesSQL, meetupID, teamID)
	return out, mapErr(err)
}

const getCandidateSQL = `SELECT ` + candidateColumns + candidateFrom + `
WHERE c.id = $1 AND c.meetup_id = $2 AND c.team_id = $3`

// GetCandidate returns one candidate of a meetup of the team.
func (s *Store) GetCandidate(ctx context.Context, teamID, meetupID, id string) (Candidate, error) {
	return getCandidate(ctx, s.DB, teamID, meetupID, id)
}

// getCandidate reads a candidate through db (the store or a transaction).
func getCandidate(ctx context.Context, db sqlx.QueryerContext, teamID, meetupID, id string) (Candidate, error) {
	if !IsUUID(id) || !IsUUID(meetupID) {
		return Candidate{}, ErrNotFound
	}
	var c Candidate
	err := sqlx.GetContext(ctx, db, &c, getCandidateSQL, id, meetupID, teamID)
	return c, mapErr(err)
}

const lockCandidateSQL = `SELECT status FROM candidates WHERE id = $1 AND meetup_id = $2 AND team_id = $3 FOR UPDATE`

// lockCandidate locks a candidate's row for the rest of tx and returns its status.
func lockCandidate(ctx context.Context, tx sqlx.QueryerContext, teamID, meetupID, id string) (string, error) {
	if !IsUUID(id) || !IsUUID(meetupID) {
		return "", ErrNotFound
	}
	var status string
	err := sqlx.GetContext(ctx, tx, &status, lockCandidateSQL, id, meetupID, teamID)
	return status, mapErr(err)
}

const withCandidatesSQL = `
SELECT DISTINCT meetup_id FROM candidates WHERE team_id = $1 AND meetup_id = ANY($2)`

// WithCandidates says which of the team's meetups ids have speaker candidates.
func (s *Store) WithCandidates(ctx context.Context, teamID string, ids []string) (map[string]bool, error) {
	var found []string
	if err := s.DB.SelectContext(ctx, &found, withCandidatesSQL, teamID, pq.StringArray(ids)); err != nil {
		return nil, mapErr(err)
	}
	out := make(map[string]bool, len(found))
	for _, id := range found {
		out[id] = true
	}
	return out, nil
}
