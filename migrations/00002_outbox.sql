-- +goose Up
-- Every mail Convene sends, written in the transaction of the change that caused it and
-- delivered by the outbox workers of any replica (DESIGN.md, "Mail is an outbox").
CREATE TABLE outbox (
    id              uuid PRIMARY KEY,
    team_id         uuid NOT NULL REFERENCES teams (id),
    meetup_id       uuid REFERENCES meetups (id) ON DELETE SET NULL,
    -- a person of the directory or a speaker: no foreign key, erasure deletes by id or address
    person_id       uuid,
    kind            text NOT NULL,
    lang            text NOT NULL DEFAULT 'en',
    idempotency_key text NOT NULL,
    to_email        text NOT NULL,
    to_name         text NOT NULL DEFAULT '',
    from_addr       text NOT NULL,
    subject         text NOT NULL,
    text_body       text NOT NULL,
    html_body       text NOT NULL DEFAULT '',
    ics             text,
    ics_method      text,
    message_id      text NOT NULL,
    status          text NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'held', 'expired')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text NOT NULL DEFAULT '',
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    send_by         timestamptz NOT NULL,
    expires_at      timestamptz,
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT outbox_idempotency_key_key UNIQUE (idempotency_key),
    CONSTRAINT outbox_message_id_key UNIQUE (message_id),
    CHECK ((ics IS NULL) = (ics_method IS NULL))
);
-- Bodies are read whole by the workers: keep them out of line but uncompressed (no CPU per read).
ALTER TABLE outbox ALTER COLUMN text_body SET STORAGE EXTERNAL;
ALTER TABLE outbox ALTER COLUMN html_body SET STORAGE EXTERNAL;
ALTER TABLE outbox ALTER COLUMN ics SET STORAGE EXTERNAL;

-- Claiming: due queued rows in order, leases that ran out, deadlines that passed.
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_lease_idx ON outbox (lease_until) WHERE status = 'sending';
CREATE INDEX outbox_deadline_idx ON outbox (least(send_by, expires_at)) WHERE status IN ('queued', 'sending');
-- Listing: a team's mail newest first, by status, by meetup; counting by status; erasure.
CREATE INDEX outbox_team_idx ON outbox (team_id, created_at DESC, id DESC);
CREATE INDEX outbox_team_status_idx ON outbox (team_id, status, created_at DESC, id DESC);
CREATE INDEX outbox_meetup_idx ON outbox (meetup_id, created_at DESC, id DESC) WHERE meetup_id IS NOT NULL;
CREATE INDEX outbox_status_idx ON outbox (status);
CREATE INDEX outbox_person_idx ON outbox (person_id) WHERE person_id IS NOT NULL;

-- Workers of every replica LISTEN on convene_outbox: a committed enqueue wakes them at once
-- (one notification per statement; PostgreSQL folds repeats within a transaction).
-- +goose StatementBegin
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('convene_outbox', '');
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- +goose Down
DROP TABLE outbox;
DROP FUNCTION outbox_notify();
