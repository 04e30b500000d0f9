-- +goose Up
-- The people list and audience members are sorted by name (keyset paging on lower(name), id).
CREATE INDEX people_team_name_idx ON people (team_id, lower(name), id);
-- Meetups of a series, for its report.
CREATE INDEX meetups_series_idx ON meetups (series_id) WHERE series_id IS NOT NULL;

-- +goose Down
DROP INDEX meetups_series_idx;
DROP INDEX people_team_name_idx;
