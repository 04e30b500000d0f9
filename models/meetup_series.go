package models

import (
	"context"
	"errors"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

const seriesNameTakenSQL = `SELECT EXISTS (SELECT 1 FROM series WHERE team_id = $1 AND lower(name) = lower($2))`

// seriesNameProblem makes *name one line and names its problem: empty, too long, not UTF-8, or
// the name of a series the team already has ("series_taken").
func seriesNameProblem(ctx context.Context, q sqlx.QueryerContext, teamID string, name *string) (string, error) {
	if k := cleanLine(name, maxTextLen); k != "" {
		return k, nil
	}
	if *name == "" {
		return "required", nil
	}
	var taken bool
	if err := sqlx.GetContext(ctx, q, &taken, seriesNameTakenSQL, teamID, *name); err != nil {
		return "", mapErr(err)
	}
	if taken {
		return "series_taken", nil
	}
	return "", nil
}

// NewSeriesProblem checks the name of a series a form would create, without creating it, for a
// form that found problems of its own and shows them all at once; "" when the name is fine.
func (s *Store) NewSeriesProblem(ctx context.Context, teamID, name string) (string, error) {
	return seriesNameProblem(ctx, s.DB, teamID, &name)
}

// insertSeries stores a series in tx, with its audit entry; a name taken meanwhile is the
// field error key "series_taken" under field.
func insertSeries(ctx context.Context, tx *sqlx.Tx, teamID, userID, field string, sr *Series) error {
	err := tx.GetContext(ctx, &sr.ID, createSeriesSQL, teamID, sr.Name, sr.Cadence)
	var pqErr *pq.Error
	if errors.As(err, &pqErr) && pqErr.Constraint == "series_team_name_key" {
		return Invalid(FieldErrors{field: "series_taken"})
	}
	if err != nil {
		return mapErr(err)
	}
	return Audit(ctx, tx, teamID, userID, "series.create", "series:"+sr.ID, nil)
}

// withNewSeries checks the series a meetup form names as new ("" for none) beside the meetup's
// own problems (invalid, from normalize), so every problem shows at once under "new_series";
// when all is well it creates the series in tx, the meetup's transaction, and points nm at it.
// A meetup that then fails to save takes the series with it.
func withNewSeries(ctx context.Context, tx *sqlx.Tx, teamID, userID, name string, nm *NewMeetup, invalid error) error {
	if name == "" {
		return invalid
	}
	fe := FieldErrors{}
	var ve *ValidationError
	if errors.As(invalid, &ve) {
		fe = ve.Fields
	} else if invalid != nil {
		return invalid
	}
	k, err := seriesNameProblem(ctx, tx, teamID, &name)
	if err != nil {
		return err
	}
	if k != "" {
		fe["new_series"] = k
	}
	if err := Invalid(fe); err != nil {
		return err
	}
	sr := Series{Name: name}
	if err := insertSeries(ctx, tx, teamID, userID, "new_series", &sr); err != nil {
		return err
	}
	nm.SeriesID = &sr.ID
	return nil
}
