package models

import (
	"context"
	"errors"
	"time"

	"github.com/lib/pq"
)

// SpeakerSources are where a speaker was found.
var SpeakerSources = []string{"staff", "contacts", "social", "industry_site", "other"}

// Speaker is someone the team may ask to talk: staff (linked to a person) or an external contact.
type Speaker struct {
	ID         string         `db:"id" json:"id"`
	TeamID     string         `db:"team_id" json:"-"`
	PersonID   *string        `db:"person_id" json:"person_id"`
	Name       string         `db:"name" json:"name"`
	Email      string         `db:"email" json:"email"`
	Language   string         `db:"language" json:"language"`
	Source     string         `db:"source" json:"source"`
	ProfileURL string         `db:"profile_url" json:"profile_url"`
	Expertise  pq.StringArray `db:"expertise" json:"expertise"`
	Notes      string         `db:"notes" json:"notes"`
	CreatedAt  time.Time      `db:"created_at" json:"created_at"`
	UpdatedAt  time.Time      `db:"updated_at" json:"updated_at"`
	SpeakerHistory
}

// SpeakerInput is what an organiser gives to add or edit a speaker.
type SpeakerInput struct {
	Name       string   `json:"name" form:"name"`
	Email      string   `json:"email" form:"email"`
	PersonID   *string  `json:"person_id" form:"person_id"`
	Language   string   `json:"language" form:"language"`
	Source     string   `json:"source" form:"source"`
	ProfileURL string   `json:"profile_url" form:"profile_url"`
	Expertise  []string `json:"expertise" form:"expertise"`
	Notes      string   `json:"notes" form:"notes"`
}

const speakerColumns = `s.id, s.team_id, s.person_id, s.name, s.email, s.language, s.source, s.profile_url,
    s.expertise, s.notes, s.created_at, s.updated_at`

const createSpeakerSQL = `
INSERT INTO speakers AS s (team_id, person_id, name, email, language, source, profile_url, expertise, notes)
SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
WHERE $2::uuid IS NULL OR EXISTS (SELECT 1 FROM people WHERE id = $2 AND team_id = $1)
RETURNING ` + speakerColumns

// CreateSpeaker validates and adds a speaker to the team's directory.
func (s *Store) CreateSpeaker(ctx context.Context, teamID string, in SpeakerInput) (Speaker, error) {
	if err := s.fillFromPerson(ctx, teamID, &in); err != nil {
		return Speaker{}, err
	}
	if err := in.normalize(); err != nil {
		return Speaker{}, err
	}
	var sp Speaker
	err := s.DB.GetContext(ctx, &sp, createSpeakerSQL, teamID, in.PersonID, in.Name, in.Email, in.Language,
		in.Source, in.ProfileURL, stringArray(in.Expertise), in.Notes)
	return sp, speakerErr(err)
}

const updateSpeakerSQL = `
UPDATE speakers AS s SET person_id = $3, name = $4, email = $5, language = $6, source = $7, profile_url = $8,
    expertise = $9, notes = $10, updated_at = now()
WHERE id = $1 AND team_id = $2
  AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM people WHERE id = $3 AND team_id = $2))
RETURNING ` + speakerColumns

// UpdateSpeaker replaces a speaker's details; another team's id is ErrNotFound.
func (s *Store) UpdateSpeaker(ctx context.Context, teamID, id string, in SpeakerInput) (Speaker, error) {
	if !IsUUID(id) {
		return Speaker{}, ErrNotFound
	}
	if _, err := s.GetSpeaker(ctx, teamID, id); err != nil {
		return Speaker{}, err
	}
	if err := in.normalize(); err != nil {
		return Speaker{}, err
	}
	var sp Speaker
	err := s.DB.GetContext(ctx, &sp, updateSpeakerSQL, id, teamID, in.PersonID, in.Name, in.Email, in.Language,
		in.Source, in.ProfileURL, stringArray(in.Expertise), in.Notes)
	return sp, speakerErr(err)
}

// speakerErr turns a duplicate email, a taken person or an unknown person into field errors.
func speakerErr(err error) error {
	err = mapErr(err)
	var pqErr *pq.Error
	switch {
	case errors.Is(err, ErrNotFound):
		return Invalid(FieldErrors{"person_id": "not_found"})
	case errors.As(err, &pqErr) && pqErr.Constraint == "speakers_person_key":
		return Invalid(FieldErrors{"person_id": "speaker_exists"})
	case errors.Is(err, ErrConflict):
		return Invalid(FieldErrors{"email": "speaker_exists"})
	}
	return err
}

const getSpeakerSQL = `SELECT ` + speakerColumns + `, ` + speakerHistoryColumns + `
FROM speakers s ` + speakerHistoryJoin + ` WHERE s.id = $1 AND s.team_id = $2`

// GetSpeaker returns one speaker of the team with their history.
func (s *Store) GetSpeaker(ctx context.Context, teamID, id string) (Speaker, error) {
	if !IsUUID(id) {
		return Speaker{}, ErrNotFound
	}
	var sp Speaker
	err := s.DB.GetContext(ctx, &sp, getSpeakerSQL, id, teamID)
	return sp, mapErr(err)
}
