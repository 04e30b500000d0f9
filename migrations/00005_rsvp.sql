-- +goose Up
-- Step 5: invitations, answers, seats and the waitlist.

-- One invitation and answer per (meetup, person).
CREATE TABLE rsvps (
    meetup_id     uuid NOT NULL REFERENCES meetups (id) ON DELETE CASCADE,
    person_id     uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    team_id       uuid NOT NULL REFERENCES teams (id),
    role          text NOT NULL DEFAULT 'attendee' CHECK (role IN ('attendee', 'speaker')),
    status        text NOT NULL DEFAULT 'invited'
                  CHECK (status IN ('invited', 'yes', 'maybe', 'no', 'waitlisted')),
    mode          text NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'remote')),
    dietary       text NOT NULL DEFAULT '',
    -- Place in the waitlist: drawn from rsvp_waitlist_seq, set only while waitlisted.
    waitlist_seq  bigint,
    invited_at    timestamptz,
    answered_at   timestamptz,
    checked_in_at timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meetup_id, person_id),
    CHECK ((status = 'waitlisted') = (waitlist_seq IS NOT NULL))
);
CREATE INDEX rsvps_waitlist_idx ON rsvps (meetup_id, mode, waitlist_seq) WHERE status = 'waitlisted';
CREATE INDEX rsvps_person_idx ON rsvps (person_id);
CREATE INDEX rsvps_status_idx ON rsvps (meetup_id, status);

CREATE SEQUENCE rsvp_waitlist_seq;

-- How many wait, per meetup and mode, kept by triggers so a new place is numbered without
-- counting the whole list. Split by backend so that simultaneous answers do not queue on one row;
-- the count is the sum. (No foreign key: rows of a deleted meetup are harmless and tiny.)
CREATE TABLE rsvp_waiting (
    meetup_id uuid NOT NULL,
    mode      text NOT NULL,
    shard     integer NOT NULL,
    waiting   integer NOT NULL,
    PRIMARY KEY (meetup_id, mode, shard)
);

-- +goose StatementBegin
CREATE FUNCTION rsvp_count_waiting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    slot integer := pg_backend_pid() % 1024;
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.status = 'waitlisted' THEN
        INSERT INTO rsvp_waiting AS w VALUES (OLD.meetup_id, OLD.mode, slot, -1)
        ON CONFLICT (meetup_id, mode, shard) DO UPDATE SET waiting = w.waiting - 1;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status = 'waitlisted' THEN
        INSERT INTO rsvp_waiting AS w VALUES (NEW.meetup_id, NEW.mode, slot, 1)
        ON CONFLICT (meetup_id, mode, shard) DO UPDATE SET waiting = w.waiting + 1;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE TRIGGER rsvps_waiting_insert AFTER INSERT ON rsvps
    FOR EACH ROW WHEN (NEW.status = 'waitlisted') EXECUTE FUNCTION rsvp_count_waiting();
CREATE TRIGGER rsvps_waiting_update AFTER UPDATE OF status, mode ON rsvps
    FOR EACH ROW WHEN ((OLD.status = 'waitlisted' OR NEW.status = 'waitlisted')
                       AND (OLD.status, OLD.mode) IS DISTINCT FROM (NEW.status, NEW.mode))
    EXECUTE FUNCTION rsvp_count_waiting();
CREATE TRIGGER rsvps_waiting_delete AFTER DELETE ON rsvps
    FOR EACH ROW WHEN (OLD.status = 'waitlisted') EXECUTE FUNCTION rsvp_count_waiting();

-- Seats of a limited mode (in person always once scheduled; remote when remote_capacity is set):
-- seats 1..capacity exist, each free (person_id NULL) or held. A seat is free only while nobody
-- waits. A held seat beyond a lowered capacity stays with its holder, marked excess, and goes
-- away when released instead of passing to the waitlist.
CREATE TABLE rsvp_seats (
    meetup_id uuid NOT NULL REFERENCES meetups (id) ON DELETE CASCADE,
    kind      text NOT NULL CHECK (kind IN ('in_person', 'remote')),
    n         integer NOT NULL CHECK (n > 0),
    person_id uuid,
    excess    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (meetup_id, kind, n),
    FOREIGN KEY (meetup_id, person_id) REFERENCES rsvps (meetup_id, person_id) ON DELETE SET NULL (person_id),
    CHECK (NOT excess OR person_id IS NOT NULL)
);
CREATE UNIQUE INDEX rsvp_seats_holder_key ON rsvp_seats (meetup_id, kind, person_id);
CREATE INDEX rsvp_seats_free_idx ON rsvp_seats (meetup_id, kind, n) WHERE person_id IS NULL;
CREATE INDEX rsvp_seats_excess_idx ON rsvp_seats (meetup_id, kind, n) WHERE excess;

-- Things someone must be told about (waitlisted with a position, promoted from the waitlist),
-- written in the transaction of the change, at most once per key. This is the outbox seam:
-- once the outbox lands, these become mail enqueued with the same idempotency keys.
CREATE TABLE rsvp_events (
    id         bigserial PRIMARY KEY,
    key        text NOT NULL UNIQUE,
    meetup_id  uuid NOT NULL,
    person_id  uuid NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('waitlisted', 'promoted', 'reminder')),
    position   integer,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Through the RSVP row the change already locks, not the meetup row every answer shares.
    FOREIGN KEY (meetup_id, person_id) REFERENCES rsvps (meetup_id, person_id) ON DELETE CASCADE
);
CREATE INDEX rsvp_events_meetup_idx ON rsvp_events (meetup_id, created_at);

-- Reminders before the start (minutes before, per meetup; default 24 h and 1 h), each fired
-- once across replicas by database time; one whose moment passed while nobody ran is dropped.
ALTER TABLE meetups ADD COLUMN reminder_minutes integer[] NOT NULL DEFAULT '{1440,60}';
CREATE TABLE rsvp_reminders (
    meetup_id      uuid NOT NULL REFERENCES meetups (id) ON DELETE CASCADE,
    minutes_before integer NOT NULL CHECK (minutes_before > 0),
    due_at         timestamptz NOT NULL,
    state          text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'fired', 'dropped', 'cancelled')),
    done_at        timestamptz,
    PRIMARY KEY (meetup_id, minutes_before)
);
CREATE INDEX rsvp_reminders_due_idx ON rsvp_reminders (due_at) WHERE state = 'pending';

-- +goose Down
DROP TABLE rsvp_reminders;
ALTER TABLE meetups DROP COLUMN reminder_minutes;
DROP TABLE rsvp_events;
DROP TABLE rsvp_seats;
DROP TABLE rsvps;
DROP FUNCTION rsvp_count_waiting();
DROP TABLE rsvp_waiting;
DROP SEQUENCE rsvp_waitlist_seq;
