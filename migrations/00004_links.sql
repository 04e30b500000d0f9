-- +goose Up
-- Personal links: one per (purpose, person, meetup, subject); only the token's SHA-256 is stored.
CREATE TABLE links (
    id         uuid PRIMARY KEY,
    token_hash bytea NOT NULL UNIQUE,
    team_id    uuid NOT NULL REFERENCES teams (id),
    purpose    text NOT NULL CHECK (purpose IN ('survey', 'rsvp', 'outreach', 'confirm', 'feedback', 'calendar')),
    person_id  uuid REFERENCES people (id) ON DELETE CASCADE,
    meetup_id  uuid REFERENCES meetups (id) ON DELETE CASCADE,
    subject    text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz,
    UNIQUE NULLS NOT DISTINCT (purpose, person_id, meetup_id, subject)
);
CREATE INDEX links_person_idx ON links (person_id);
CREATE INDEX links_meetup_idx ON links (meetup_id);

-- +goose Down
DROP TABLE links;
