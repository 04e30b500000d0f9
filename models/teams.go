package models

import (
	"context"
	"time"
)

// Team is a group of organisers; every meetup, audience, person and speaker belongs to one.
type Team struct {
	ID        string    `db:"id" json:"id"`
	Name      string    `db:"name" json:"name"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
}

// ensureTeamSQL creates the team or returns the existing one, also while another caller is creating it.
const ensureTeamSQL = `
INSERT INTO teams (name) VALUES ($1)
ON CONFLICT (lower(name)) DO UPDATE SET name = teams.name
RETURNING id, name, created_at`

// EnsureTeam returns the team with that name, creating it if new.
func (s *Store) EnsureTeam(ctx context.Context, name string) (Team, error) {
	var t Team
	err := s.DB.GetContext(ctx, &t, ensureTeamSQL, name)
	return t, mapErr(err)
}

const firstTeamSQL = `SELECT id, name, created_at FROM teams ORDER BY created_at, id LIMIT 1`

// FirstTeam returns the oldest team, or ErrNotFound when there is none.
func (s *Store) FirstTeam(ctx context.Context) (Team, error) {
	var t Team
	err := s.DB.GetContext(ctx, &t, firstTeamSQL)
	return t, mapErr(err)
}

const getTeamSQL = `SELECT id, name, created_at FROM teams WHERE id = $1`

// GetTeam returns one team by id.
func (s *Store) GetTeam(ctx context.Context, id string) (Team, error) {
	var t Team
	err := s.DB.GetContext(ctx, &t, getTeamSQL, id)
	return t, mapErr(err)
}
