-- +goose Up
-- A cancelled meetup keeps the stage it was in when cancelled, so its page still shows which
-- steps had been done. Meetups cancelled before this have none; their page reads what it can.
ALTER TABLE meetups ADD COLUMN cancelled_stage text;

-- +goose Down
ALTER TABLE meetups DROP COLUMN cancelled_stage;
