-- +goose Up
-- Steps 3–5: the team's speaker directory, candidate slots, candidates per meetup and their answers.

-- A speaker of the team: staff (linked to a person of the directory) or an external contact.
CREATE TABLE speakers (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id     uuid NOT NULL REFERENCES teams (id),
    person_id   uuid REFERENCES people (id) ON DELETE CASCADE,
    name        text NOT NULL,
    email       text NOT NULL,
    language    text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ru')),
    source      text NOT NULL CHECK (source IN ('staff', 'contacts', 'social', 'industry_site', 'other')),
    profile_url text NOT NULL DEFAULT '',
    expertise   text[] NOT NULL DEFAULT '{}',
    notes       text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX speakers_team_email_key ON speakers (team_id, lower(email));
CREATE UNIQUE INDEX speakers_person_key ON speakers (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX speakers_team_idx ON speakers (team_id, created_at DESC);

-- Per-meetup settings of the speaker steps.
CREATE TABLE speaker_settings (
    meetup_id      uuid PRIMARY KEY REFERENCES meetups (id) ON DELETE CASCADE,
    follow_up_days integer NOT NULL DEFAULT 4 CHECK (follow_up_days BETWEEN 1 AND 60)
);

-- A candidate time slot of a meetup, offered to speakers.
CREATE TABLE speaker_slots (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    meetup_id  uuid NOT NULL REFERENCES meetups (id) ON DELETE CASCADE,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    UNIQUE (meetup_id, starts_at, ends_at)
);

-- A speaker considered for a meetup, and everything they answered.
CREATE TABLE candidates (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id            uuid NOT NULL REFERENCES teams (id),
    meetup_id          uuid NOT NULL REFERENCES meetups (id) ON DELETE CASCADE,
    speaker_id         uuid NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    status             text NOT NULL DEFAULT 'found'
                       CHECK (status IN ('found', 'contacted', 'interested', 'maybe', 'declined',
                                         'no_reply', 'invited', 'confirmed', 'withdrawn')),
    brief              text NOT NULL DEFAULT '',
    contacted_at       timestamptz,
    -- Scheduled work: the next follow-up (follow_ups = 0) or the no_reply mark (follow_ups = 1).
    due_at             timestamptz,
    follow_ups         smallint NOT NULL DEFAULT 0,
    answer             text CHECK (answer IN ('yes', 'maybe', 'no')),
    first_answered_at  timestamptz,
    answered_at        timestamptz,
    talk_title         text NOT NULL DEFAULT '',
    abstract           text NOT NULL DEFAULT '',
    note               text NOT NULL DEFAULT '',
    score_availability smallint CHECK (score_availability BETWEEN 1 AND 5),
    score_style        smallint CHECK (score_style BETWEEN 1 AND 5),
    score_value        smallint CHECK (score_value BETWEEN 1 AND 5),
    score_notes        text NOT NULL DEFAULT '',
    lineup_slot_id     uuid REFERENCES speaker_slots (id) ON DELETE SET NULL,
    invited_at         timestamptz,
    confirmed_at       timestamptz,
    declined_at        timestamptz,
    -- SEQUENCE of the speaker's own calendar event (UID speaker-<id>): raised on confirm and withdraw.
    ical_sequence      integer NOT NULL DEFAULT 0,
    -- Filled by the celebration step: the talk's average rating and how many rated it.
    rating             numeric(3, 2) CHECK (rating BETWEEN 1 AND 5),
    rating_count       integer NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (meetup_id, speaker_id)
);
CREATE INDEX candidates_meetup_idx ON candidates (meetup_id, created_at);
CREATE INDEX candidates_speaker_idx ON candidates (speaker_id);
CREATE INDEX candidates_due_idx ON candidates (due_at) WHERE due_at IS NOT NULL;

-- The slots a candidate said they can do.
CREATE TABLE candidate_slots (
    candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    slot_id      uuid NOT NULL REFERENCES speaker_slots (id) ON DELETE CASCADE,
    PRIMARY KEY (candidate_id, slot_id)
);

-- A slot held by a confirmed speaker: the primary key makes two holders impossible.
CREATE TABLE slot_holds (
    slot_id      uuid PRIMARY KEY REFERENCES speaker_slots (id),
    candidate_id uuid NOT NULL UNIQUE REFERENCES candidates (id) ON DELETE CASCADE,
    held_at      timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE slot_holds;
DROP TABLE candidate_slots;
DROP TABLE candidates;
DROP TABLE speaker_slots;
DROP TABLE speaker_settings;
DROP TABLE speakers;
