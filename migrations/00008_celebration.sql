-- +goose Up
-- Step 6: check-in at the door, the feedback form, the report, celebrating the result.

-- Walk-ins: people checked in at the door who were never invited.
ALTER TABLE rsvps ADD COLUMN walk_in boolean NOT NULL DEFAULT false;
CREATE INDEX rsvps_checked_in_idx ON rsvps (meetup_id) WHERE checked_in_at IS NOT NULL;

ALTER TABLE meetups
    -- the feedback form goes out this long after the end, once across replicas
    ADD COLUMN feedback_delay_minutes integer NOT NULL DEFAULT 30 CHECK (feedback_delay_minutes >= 0),
    -- answers can be changed this long after the form went out
    ADD COLUMN feedback_open_days integer NOT NULL DEFAULT 14 CHECK (feedback_open_days > 0),
    -- set when the form first went out (by itself or by hand); the automatic send runs only while NULL
    ADD COLUMN feedback_sent_at timestamptz,
    ADD COLUMN feedback_closes_at timestamptz,
    -- the celebration: the organiser's retrospective and recap links (slides, recording)
    ADD COLUMN retrospective_worked text NOT NULL DEFAULT '',
    ADD COLUMN retrospective_change text NOT NULL DEFAULT '',
    ADD COLUMN recap_links text[] NOT NULL DEFAULT '{}',
    ADD COLUMN celebrated_at timestamptz;
CREATE INDEX meetups_feedback_due_idx ON meetups (ends_at)
    WHERE feedback_sent_at IS NULL AND stage NOT IN ('cancelled', 'audience', 'survey');

-- Who was sent the feedback form, and whether the one reminder went out.
CREATE TABLE feedback_requests (
    meetup_id   uuid NOT NULL REFERENCES meetups (id) ON DELETE CASCADE,
    person_id   uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    team_id     uuid NOT NULL REFERENCES teams (id),
    sent_at     timestamptz NOT NULL DEFAULT now(),
    reminded_at timestamptz,
    PRIMARY KEY (meetup_id, person_id)
);
CREATE INDEX feedback_requests_person_idx ON feedback_requests (person_id);

-- One answer per (meetup, person), changeable until the form closes.
CREATE TABLE feedback (
    meetup_id   uuid NOT NULL REFERENCES meetups (id) ON DELETE CASCADE,
    person_id   uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    team_id     uuid NOT NULL REFERENCES teams (id),
    rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    nps         smallint CHECK (nps BETWEEN 0 AND 10),
    impact      smallint CHECK (impact BETWEEN 1 AND 5),
    useful      text NOT NULL DEFAULT '',
    improve     text NOT NULL DEFAULT '',
    next_topics text NOT NULL DEFAULT '',
    -- the organiser flagged this comment for attention
    flagged_at  timestamptz,
    -- the organiser was mailed about this answer (a low rating or a flag): at most once
    alerted_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meetup_id, person_id)
);
CREATE INDEX feedback_person_idx ON feedback (person_id);

-- +goose Down
DROP TABLE feedback;
DROP TABLE feedback_requests;
DROP INDEX meetups_feedback_due_idx;
ALTER TABLE meetups
    DROP COLUMN feedback_delay_minutes, DROP COLUMN feedback_open_days, DROP COLUMN feedback_sent_at,
    DROP COLUMN feedback_closes_at, DROP COLUMN retrospective_worked, DROP COLUMN retrospective_change,
    DROP COLUMN recap_links, DROP COLUMN celebrated_at;
DROP INDEX rsvps_checked_in_idx;
ALTER TABLE rsvps DROP COLUMN walk_in;
