-- +goose Up
-- Step 2, the topic survey: one survey per meetup, its candidate topics, who was mailed,
-- each person's answer and ticked topics; and the team's backlog of topic ideas.
CREATE TABLE surveys (
    meetup_id         uuid PRIMARY KEY REFERENCES meetups (id) ON DELETE CASCADE,
    question          text NOT NULL,
    allow_proposals   boolean NOT NULL DEFAULT true,
    problems_question text NOT NULL DEFAULT '',
    closes_at         timestamptz NOT NULL,
    closed_at         timestamptz,
    closed_by         text NOT NULL DEFAULT '' CHECK (closed_by IN ('', 'organiser', 'schedule', 'topic')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
-- The close loop claims open surveys whose time has come.
CREATE INDEX surveys_due_idx ON surveys (closes_at) WHERE closed_at IS NULL;

CREATE TABLE survey_topics (
    id        bigserial PRIMARY KEY,
    meetup_id uuid NOT NULL REFERENCES surveys (meetup_id) ON DELETE CASCADE,
    title     text NOT NULL CHECK (title <> ''),
    position  integer NOT NULL
);
CREATE UNIQUE INDEX survey_topics_title_key ON survey_topics (meetup_id, lower(title));

-- One row per person mailed; reminders counts the reminders sent (at most two).
CREATE TABLE survey_invites (
    meetup_id   uuid NOT NULL REFERENCES surveys (meetup_id) ON DELETE CASCADE,
    person_id   uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    sent_at     timestamptz NOT NULL DEFAULT now(),
    reminders   smallint NOT NULL DEFAULT 0 CHECK (reminders BETWEEN 0 AND 2),
    reminded_at timestamptz,
    PRIMARY KEY (meetup_id, person_id)
);
CREATE INDEX survey_invites_person_idx ON survey_invites (person_id);

-- One answer per person; answering again replaces it.
CREATE TABLE survey_responses (
    meetup_id   uuid NOT NULL REFERENCES surveys (meetup_id) ON DELETE CASCADE,
    person_id   uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    proposal    text NOT NULL DEFAULT '',
    problems    text NOT NULL DEFAULT '',
    answered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meetup_id, person_id)
);
CREATE INDEX survey_responses_person_idx ON survey_responses (person_id);
CREATE INDEX survey_responses_problems_idx ON survey_responses (meetup_id, answered_at DESC) WHERE problems <> '';
CREATE INDEX survey_responses_proposals_idx ON survey_responses (meetup_id, lower(proposal)) WHERE proposal <> '';

-- Approval voting: one row per topic ticked. The tally is an index-only count per topic.
CREATE TABLE survey_votes (
    meetup_id uuid NOT NULL,
    person_id uuid NOT NULL,
    topic_id  bigint NOT NULL REFERENCES survey_topics (id) ON DELETE CASCADE,
    PRIMARY KEY (meetup_id, person_id, topic_id),
    FOREIGN KEY (meetup_id, person_id) REFERENCES survey_responses (meetup_id, person_id) ON DELETE CASCADE
);
CREATE INDEX survey_votes_topic_idx ON survey_votes (topic_id);

-- The team's backlog: topic ideas from organisers, survey proposals and (later) feedback forms.
CREATE TABLE topic_ideas (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id    uuid NOT NULL REFERENCES teams (id),
    title      text NOT NULL CHECK (title <> ''),
    source     text NOT NULL DEFAULT 'organiser' CHECK (source IN ('organiser', 'survey', 'feedback')),
    meetup_id  uuid REFERENCES meetups (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX topic_ideas_title_key ON topic_ideas (team_id, lower(title));
CREATE INDEX topic_ideas_team_idx ON topic_ideas (team_id, created_at DESC);

-- +goose Down
DROP TABLE topic_ideas;
DROP TABLE survey_votes;
DROP TABLE survey_responses;
DROP TABLE survey_invites;
DROP TABLE survey_topics;
DROP TABLE surveys;
