-- +goose Up
-- The waiting counters (rsvp_waiting) were kept by a trigger per row: a batch of answers putting
-- a hundred people on the waitlist ran a hundred PL/pgSQL calls and a hundred upserts of the
-- same counter row. Triggers per statement, reading the statement's transition tables, now add
-- up each statement's changes per meetup and mode and write each counter once.
DROP TRIGGER rsvps_waiting_insert ON rsvps;
DROP TRIGGER rsvps_waiting_update ON rsvps;
DROP TRIGGER rsvps_waiting_delete ON rsvps;

-- +goose StatementBegin
CREATE FUNCTION rsvp_add_waiting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rsvp_waiting AS w
    SELECT meetup_id, mode, pg_backend_pid() % 1024, sum(d)
    FROM (SELECT meetup_id, mode, 1 AS d FROM new_rows WHERE status = 'waitlisted'
          UNION ALL
          SELECT meetup_id, mode, -1 FROM old_rows WHERE status = 'waitlisted') c
    GROUP BY meetup_id, mode HAVING sum(d) <> 0
    ON CONFLICT (meetup_id, mode, shard) DO UPDATE SET waiting = w.waiting + EXCLUDED.waiting;
    RETURN NULL;
END $$;

CREATE FUNCTION rsvp_add_waiting_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rsvp_waiting AS w
    SELECT meetup_id, mode, pg_backend_pid() % 1024, count(*) FROM new_rows
    WHERE status = 'waitlisted' GROUP BY meetup_id, mode
    ON CONFLICT (meetup_id, mode, shard) DO UPDATE SET waiting = w.waiting + EXCLUDED.waiting;
    RETURN NULL;
END $$;

CREATE FUNCTION rsvp_add_waiting_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rsvp_waiting AS w
    SELECT meetup_id, mode, pg_backend_pid() % 1024, -count(*) FROM old_rows
    WHERE status = 'waitlisted' GROUP BY meetup_id, mode
    ON CONFLICT (meetup_id, mode, shard) DO UPDATE SET waiting = w.waiting + EXCLUDED.waiting;
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE TRIGGER rsvps_waiting_insert AFTER INSERT ON rsvps
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rsvp_add_waiting_new();
CREATE TRIGGER rsvps_waiting_update AFTER UPDATE ON rsvps
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rsvp_add_waiting();
CREATE TRIGGER rsvps_waiting_delete AFTER DELETE ON rsvps
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rsvp_add_waiting_old();

-- +goose Down
DROP TRIGGER rsvps_waiting_insert ON rsvps;
DROP TRIGGER rsvps_waiting_update ON rsvps;
DROP TRIGGER rsvps_waiting_delete ON rsvps;
DROP FUNCTION rsvp_add_waiting();
DROP FUNCTION rsvp_add_waiting_new();
DROP FUNCTION rsvp_add_waiting_old();
CREATE TRIGGER rsvps_waiting_insert AFTER INSERT ON rsvps
    FOR EACH ROW WHEN (NEW.status = 'waitlisted') EXECUTE FUNCTION rsvp_count_waiting();
CREATE TRIGGER rsvps_waiting_update AFTER UPDATE OF status, mode ON rsvps
    FOR EACH ROW WHEN ((OLD.status = 'waitlisted' OR NEW.status = 'waitlisted')
                       AND (OLD.status, OLD.mode) IS DISTINCT FROM (NEW.status, NEW.mode))
    EXECUTE FUNCTION rsvp_count_waiting();
CREATE TRIGGER rsvps_waiting_delete AFTER DELETE ON rsvps
    FOR EACH ROW WHEN (OLD.status = 'waitlisted') EXECUTE FUNCTION rsvp_count_waiting();
