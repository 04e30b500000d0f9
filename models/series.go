package models

import "context"

// Series is a recurring run of meetups.
type Series struct {
	ID      string `db:"id" json:"id"`
	TeamID  string `db:"team_id" json:"-"`
	Name    string `db:"name" json:"name"`
	Cadence string `db:"cadence" json:"cadence"`
}

const createSeriesSQL = `INSERT INTO series (team_id, name, cadence) VALUES ($1, $2, $3) RETURNING id`

// CreateSeries stores a series and returns its id.
func (s *Store) CreateSeries(ctx context.Context, teamID, name, cadence string) (string, error) {
	var id string
	err := s.DB.GetContext(ctx, &id, createSeriesSQL, teamID, name, cadence)
	return id, mapErr(err)
}
