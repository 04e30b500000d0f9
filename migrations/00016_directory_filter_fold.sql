-- +goose Up
-- The directory's department, location and interest filters (the people list, every audience
-- rule: its preview, profile and members, the survey's and the invitations' recipients) ignore
-- case and accents as its search does: "Sao Paulo" finds São Paulo, "engineering" Engineering.
-- They compare search_fold (migration 00012, textfold.Fold in SQL) of both sides: people keep
-- their department, location and interests folded in stored generated columns, which PostgreSQL
-- fills on every insert and update whatever code writes; the chosen values are folded by
-- textfold.Fold before the query. Stored, not folded per query, for the reason 00012 gives
-- (normalize is slow): on bench/testdata/people-10k.csv an audience rule of a city and an
-- interest counts in ~5 ms reading the stored folds, ~27 ms folding every person as it scans
-- (BenchmarkDirectoryFilter10k, 5-6x); importing the 10,000 took 0.7-1.7 s with and without
-- these columns on a shared 2-core machine, noise larger than any difference. No index: an
-- audience rule ORs its criteria with the included addresses, and a filter's page is read in
-- name order (people_team_name_idx), so each scans one team's people.

-- search_fold_each is search_fold of each item of an array, in order.
-- +goose StatementBegin
CREATE FUNCTION search_fold_each(a text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(array_agg(search_fold(x) ORDER BY n), '{}') FROM unnest(a) WITH ORDINALITY u(x, n)
$$;
-- +goose StatementEnd

ALTER TABLE people
    ADD COLUMN department_fold text GENERATED ALWAYS AS (search_fold(department)) STORED,
    ADD COLUMN location_fold text GENERATED ALWAYS AS (search_fold(location)) STORED,
    ADD COLUMN interests_fold text[] GENERATED ALWAYS AS (search_fold_each(interests)) STORED;

-- +goose Down
ALTER TABLE people DROP COLUMN department_fold, DROP COLUMN location_fold, DROP COLUMN interests_fold;
DROP FUNCTION search_fold_each(text[]);
