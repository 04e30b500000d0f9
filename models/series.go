package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// Series is a recurring run of meetups.
type Series struct {
	ID      string `db:"id" json:"id"`
	TeamID  string `db:"team_id" json:"-"`
	Name    string `db:"name" json:"name" form:"name"`
	Cadence string `db:"cadence" json:"cadence" form:"cadence"`
}

const createSeriesSQL = `INSERT INTO series (team_id, name, cadence) VALUES ($1, $2, $3) RETURNING id`

// CreateSeries stores a series and returns its id.
func (s *Store) CreateSeries(ctx context.Context, teamID, name, cadence string) (string, error) {
	var id string
	err := s.DB.GetContext(ctx, &id, createSeriesSQL, teamID, name, cadence)
	return id, mapErr(err)
}

// CreateSeriesBy validates and stores a series on behalf of an organiser, recorded in the audit log.
func (s *Store) CreateSeriesBy(ctx context.Context, teamID, userID string, sr Series) (Series, error) {
	fe := FieldErrors{}
	if k := cleanLine(&sr.Name, maxTextLen); k != "" {
		fe["name"] = k
	} else if sr.Name == "" {
		fe["name"] = "required"
	}
	if k := cleanLine(&sr.Cadence, maxTextLen); k != "" {
		fe["cadence"] = k
	}
	if err := Invalid(fe); err != nil {
		return Series{}, err
	}
	sr.TeamID = teamID
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		return insertSeries(ctx, tx, teamID, userID, "name", &sr)
	})
	if err != nil {
		return Series{}, err
	}
	return sr, nil
}

const getSeriesSQL = `SELECT id, team_id, name, cadence FROM series WHERE id = $1 AND team_id = $2`

// GetSeries returns a series of the team; another team's id is ErrNotFound.
func (s *Store) GetSeries(ctx context.Context, teamID, id string) (Series, error) {
	if !IsUUID(id) {
		return Series{}, ErrNotFound
	}
	var sr Series
	err := s.DB.GetContext(ctx, &sr, getSeriesSQL, id, teamID)
	return sr, mapErr(err)
}

const listSeriesSQL = `SELECT id, team_id, name, cadence FROM series WHERE team_id = $1 ORDER BY lower(name), id LIMIT 500`

// ListSeries returns the team's series by name.
func (s *Store) ListSeries(ctx context.Context, teamID string) ([]Series, error) {
	out := []Series{}
	err := s.DB.SelectContext(ctx, &out, listSeriesSQL, teamID)
	return out, mapErr(err)
}

// SeriesMeetup is one meetup of a series, as its report lists them.
type SeriesMeetup struct {
	ID       string     `db:"id" json:"id"`
	Title    string     `db:"title" json:"title"`
	Stage    string     `db:"stage" json:"stage"`
	StartsAt *time.Time `db:"starts_at" json:"starts_at"`
	EndsAt   *time.Time `db:"ends_at" json:"ends_at"`
	Timezone string     `db:"timezone" json:"timezone"`
}

const seriesMeetupsSQL = `
SELECT id, title, stage, starts_at, ends_at, timezone FROM meetups WHERE series_id = $1 AND team_id = $2
ORDER BY starts_at NULLS LAST, created_at LIMIT 500`

// SeriesMeetups lists a series' meetups, earliest first.
func (s *Store) SeriesMeetups(ctx context.Context, teamID, id string) ([]SeriesMeetup, error) {
	out := []SeriesMeetup{}
	err := s.DB.SelectContext(ctx, &out, seriesMeetupsSQL, id, teamID)
	return out, mapErr(err)
}
