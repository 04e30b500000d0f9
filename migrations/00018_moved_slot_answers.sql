-- +goose Up
-- A speaker's "I can do this slot" is an answer about the slot's time. A reschedule moves only the
-- slots of the lineup; an answer about such a slot keeps, here, the time it was given for (NULL:
-- the slot's time now), so the organiser's pages show it as said for the old time rather than as
-- an answer about the new one. A slot moved back to that time makes the answer current again.
ALTER TABLE candidate_slots ADD COLUMN answered_starts_at timestamptz,
    ADD COLUMN answered_ends_at timestamptz,
    ADD CHECK ((answered_starts_at IS NULL) = (answered_ends_at IS NULL));

-- Likewise the time a speaker confirmed their slot for, once a reschedule has moved it (NULL: the
-- slot's time now): the organiser is warned while the holder has not said the new time suits them.
ALTER TABLE slot_holds ADD COLUMN confirmed_starts_at timestamptz,
    ADD COLUMN confirmed_ends_at timestamptz,
    ADD CHECK ((confirmed_starts_at IS NULL) = (confirmed_ends_at IS NULL));

-- +goose Down
ALTER TABLE slot_holds DROP COLUMN confirmed_starts_at, DROP COLUMN confirmed_ends_at;
ALTER TABLE candidate_slots DROP COLUMN answered_starts_at, DROP COLUMN answered_ends_at;
