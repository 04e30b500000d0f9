-- +goose Up
-- Two series of one team with the same name could not be told apart in the meetup form's list:
-- a name is unique per team, whatever its case. Repeats made before this get a number.
UPDATE series s SET name = s.name || ' (' || d.n || ')'
FROM (SELECT id, row_number() OVER (PARTITION BY team_id, lower(name) ORDER BY created_at, id) AS n FROM series) d
WHERE d.id = s.id AND d.n > 1;
CREATE UNIQUE INDEX series_team_name_key ON series (team_id, lower(name));

-- +goose Down
DROP INDEX series_team_name_key;
