package models

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Audience is a saved segment of the directory.
type Audience struct {
	ID            string         `db:"id" json:"id"`
	TeamID        string         `db:"team_id" json:"-"`
	Name          string         `db:"name" json:"name"`
	Departments   pq.StringArray `db:"departments" json:"departments"`
	Locations     pq.StringArray `db:"locations" json:"locations"`
	Interests     pq.StringArray `db:"interests" json:"interests"`
	IncludeEmails pq.StringArray `db:"include_emails" json:"include"`
	ExcludeEmails pq.StringArray `db:"exclude_emails" json:"exclude"`
}

const createAudienceSQL = `
INSERT INTO audiences (team_id, name, departments, locations, interests, include_emails, exclude_emails)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`

// CreateAudience validates and stores a segment and returns its id.
func (s *Store) CreateAudience(ctx context.Context, teamID string, a Audience) (string, error) {
	return s.CreateAudienceBy(ctx, teamID, "", a)
}

// CreateAudienceBy is CreateAudience on behalf of an organiser, recorded in the audit log.
func (s *Store) CreateAudienceBy(ctx context.Context, teamID, userID string, a Audience) (string, error) {
	if err := a.Normalize(); err != nil {
		return "", err
	}
	var id string
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &id, createAudienceSQL, teamID, a.Name, stringArray(a.Departments),
			stringArray(a.Locations), stringArray(a.Interests), stringArray(a.IncludeEmails), stringArray(a.ExcludeEmails))
		if err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "audience.create", "audience:"+id, nil)
	})
	return id, err
}

const updateAudienceSQL = `
UPDATE audiences SET name = $3, departments = $4, locations = $5, interests = $6, include_emails = $7, exclude_emails = $8
WHERE id = $1 AND team_id = $2`

// UpdateAudience validates and replaces a segment of the team.
func (s *Store) UpdateAudience(ctx context.Context, teamID, userID, id string, a Audience) error {
	if !IsUUID(id) {
		return ErrNotFound
	}
	if err := a.Normalize(); err != nil {
		return err
	}
	return s.InTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, updateAudienceSQL, id, teamID, a.Name, stringArray(a.Departments),
			stringArray(a.Locations), stringArray(a.Interests), stringArray(a.IncludeEmails), stringArray(a.ExcludeEmails))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return Audit(ctx, tx, teamID, userID, "audience.update", "audience:"+id, nil)
	})
}

const audienceColumns = `id, team_id, name, departments, locations, interests, include_emails, exclude_emails`

const getAudienceSQL = `SELECT ` + audienceColumns + ` FROM audiences WHERE id = $1 AND team_id = $2`

// GetAudience returns a segment of the team; another team's id is ErrNotFound.
func (s *Store) GetAudience(ctx context.Context, teamID, id string) (Audience, error) {
	if !IsUUID(id) {
		return Audience{}, ErrNotFound
	}
	var a Audience
	err := s.DB.GetContext(ctx, &a, getAudienceSQL, id, teamID)
	return a, mapErr(err)
}

const listAudiencesSQL = `SELECT ` + audienceColumns + ` FROM audiences WHERE team_id = $1 ORDER BY lower(name), id LIMIT $2`

// ListAudiences returns the team's segments by name, at most MaxLimit of them.
func (s *Store) ListAudiences(ctx context.Context, teamID string) ([]Audience, error) {
	out := []Audience{}
	err := s.DB.SelectContext(ctx, &out, listAudiencesSQL, teamID, MaxLimit)
	return out, mapErr(err)
}
