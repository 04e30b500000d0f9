-- +goose Up
CREATE TABLE teams (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX teams_name_key ON teams (lower(name));

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id       uuid NOT NULL REFERENCES teams (id),
    email         text NOT NULL,
    name          text NOT NULL DEFAULT '',
    role          text NOT NULL CHECK (role IN ('admin', 'organiser')),
    lang          text NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'ru')),
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- Server-side sessions (the schema alexedwards/scs postgresstore expects).
CREATE TABLE sessions (
    token  text PRIMARY KEY,
    data   bytea NOT NULL,
    expiry timestamptz NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);

-- Failed logins, per account and per client address, for throttling across replicas.
CREATE TABLE login_failures (
    id        bigserial PRIMARY KEY,
    key       text NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_idx ON login_failures (key, failed_at);

CREATE TABLE api_tokens (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text NOT NULL DEFAULT '',
    token_hash   bytea NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz
);

-- Instance-wide settings such as the generated signing secret.
CREATE TABLE settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- The company directory, per team (step 1).
CREATE TABLE people (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id    uuid NOT NULL REFERENCES teams (id),
    email      text NOT NULL,
    name       text NOT NULL DEFAULT '',
    department text NOT NULL DEFAULT '',
    location   text NOT NULL DEFAULT '',
    timezone   text NOT NULL DEFAULT 'UTC',
    interests  text[] NOT NULL DEFAULT '{}',
    language   text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ru')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX people_team_email_key ON people (team_id, lower(email));
CREATE INDEX people_interests_idx ON people USING gin (interests);

-- A saved segment of the directory (step 1).
CREATE TABLE audiences (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id     uuid NOT NULL REFERENCES teams (id),
    name        text NOT NULL,
    departments text[] NOT NULL DEFAULT '{}',
    locations   text[] NOT NULL DEFAULT '{}',
    interests   text[] NOT NULL DEFAULT '{}',
    include_emails text[] NOT NULL DEFAULT '{}',
    exclude_emails text[] NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audiences_team_idx ON audiences (team_id);

-- A recurring series of meetups (step 6 trend).
CREATE TABLE series (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id    uuid NOT NULL REFERENCES teams (id),
    name       text NOT NULL,
    cadence    text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX series_team_idx ON series (team_id);

-- One meetup, moving through the six steps.
CREATE TABLE meetups (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id          uuid NOT NULL REFERENCES teams (id),
    series_id        uuid REFERENCES series (id),
    audience_id      uuid REFERENCES audiences (id),
    title            text NOT NULL,
    description      text NOT NULL DEFAULT '',
    format           text NOT NULL DEFAULT 'talk'
                     CHECK (format IN ('lunch_and_learn', 'talk', 'workshop', 'other')),
    stage            text NOT NULL DEFAULT 'audience'
                     CHECK (stage IN ('audience', 'survey', 'speakers', 'outreach',
                                      'confirmation', 'scheduled', 'done', 'cancelled')),
    timezone         text NOT NULL DEFAULT 'UTC',
    duration_minutes integer NOT NULL DEFAULT 60 CHECK (duration_minutes > 0),
    capacity         integer NOT NULL DEFAULT 0 CHECK (capacity >= 0),
    remote_capacity  integer CHECK (remote_capacity >= 0),
    location         text NOT NULL DEFAULT '',
    online_url       text NOT NULL DEFAULT '',
    topic            text NOT NULL DEFAULT '',
    starts_at        timestamptz,
    ends_at          timestamptz,
    ical_uid         text NOT NULL UNIQUE,
    ical_sequence    integer NOT NULL DEFAULT 0,
    cancel_reason    text NOT NULL DEFAULT '',
    created_by       uuid REFERENCES users (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX meetups_team_idx ON meetups (team_id, created_at DESC);

-- Append-only log of organiser actions.
CREATE TABLE audit_log (
    id       bigserial PRIMARY KEY,
    team_id  uuid NOT NULL REFERENCES teams (id),
    user_id  uuid REFERENCES users (id) ON DELETE SET NULL,
    action   text NOT NULL,
    target   text NOT NULL DEFAULT '',
    detail   jsonb NOT NULL DEFAULT '{}',
    at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_team_idx ON audit_log (team_id, at DESC);

-- +goose Down
DROP TABLE audit_log;
DROP TABLE meetups;
DROP TABLE series;
DROP TABLE audiences;
DROP TABLE people;
DROP TABLE settings;
DROP TABLE api_tokens;
DROP TABLE login_failures;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE teams;
