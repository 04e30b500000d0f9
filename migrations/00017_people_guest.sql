-- +goose Up
-- A guest is someone in the directory who is not on the team's staff: a confirmed speaker from
-- outside the directory, whom an invitation send adds to it so that they are invited, answer and
-- are checked in as the other speakers are. A guest is a member of an audience only when it names
-- their address (included), never by its criteria nor as part of the whole directory, so they get
-- no later survey or invitation meant for the staff. A later import of their address makes them
-- staff.
ALTER TABLE people ADD COLUMN guest boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE people DROP COLUMN guest;
