-- +goose Up
-- The speaker directory's search ignores case and accents as the attendees and people searches
-- do: speakers keep their name and address folded by search_fold (migration 00012, which is
-- textfold.Fold in SQL) in stored generated columns, which PostgreSQL fills on every insert and
-- update whatever code writes. The search matches them with LIKE '%…%', which no B-tree serves,
-- so there is no index: it scans one team's speakers.
ALTER TABLE speakers
    ADD COLUMN name_fold text GENERATED ALWAYS AS (search_fold(name)) STORED,
    ADD COLUMN email_fold text GENERATED ALWAYS AS (search_fold(email)) STORED;

-- +goose Down
ALTER TABLE speakers DROP COLUMN name_fold, DROP COLUMN email_fold;
