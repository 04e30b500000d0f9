-- +goose Up
-- Where replies to a mail go: the organiser, for the mail a speaker or an attendee may answer by
-- writing back (a brief, a thank-you, a recap); empty for none (replies go to From).
ALTER TABLE outbox ADD COLUMN reply_to text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE outbox DROP COLUMN reply_to;
