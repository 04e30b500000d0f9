-- +goose Up
-- A transaction may leave the workers' wake-up to after its commit (models.WakeOutboxAfterCommit):
-- a transaction that runs NOTIFY takes one lock for the whole database at commit, so answers
-- that each enqueue a notice would otherwise commit one at a time.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('convene.outbox_wake', true) IS DISTINCT FROM 'after_commit' THEN
        PERFORM pg_notify('convene_outbox', '');
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('convene_outbox', '');
    RETURN NULL;
END
$$;
-- +goose StatementEnd
