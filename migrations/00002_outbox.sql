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
    text_body       text COMPRESSION lz4 NOT NULL,
    html_body       text COMPRESSION lz4 NOT NULL DEFAULT '',
    ics             text COMPRESSION lz4,
    ics_method      text,
    message_id      text NOT NULL,
    -- "sending" is never stored: it is a queued row under a live lease (lease_until > now())
    status          text NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'sent', 'failed', 'held', 'expired')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text NOT NULL DEFAULT '',
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    send_by         timestamptz NOT NULL,
    expires_at      timestamptz,
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT outbox_idempotency_key_key UNIQUE (idempotency_key),
    CHECK ((ics IS NULL) = (ics_method IS NULL))
) WITH (fillfactor = 50); -- room on each page, so a claim's update stays on it (HOT: no index writes)
-- Bodies (mail HTML compresses about 4:1) are stored with lz4, cheap to write and to read back;
-- they stay out of line, so the status updates of claiming and marking never copy them.

-- Few indexes, as every status change writes a new row version into each of them; a claim
-- changes only lease_until and attempts, which no index covers.
-- Claiming: queued rows in due order (leased ones among them are skipped on the heap).
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'queued';
-- Listing: a team's mail newest first; its trouble (rare rows, so this index costs little);
-- a meetup's mail; a person's mail (erasure).
CREATE INDEX outbox_team_idx ON outbox (team_id, created_at DESC, id DESC);
CREATE INDEX outbox_trouble_idx ON outbox (team_id, status, created_at DESC, id DESC)
    WHERE status IN ('failed', 'held', 'expired');
CREATE INDEX outbox_meetup_idx ON outbox (meetup_id, created_at DESC, id DESC) WHERE meetup_id IS NOT NULL;
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
