package models_test

import (
	"testing"

	"github.com/convene/convene/models"
)

// checkInvariants proves the seat bookkeeping is consistent for each mode.
func (f *fixture) checkInvariants(t *testing.T) {
	t.Helper()
	for _, mode := range []string{models.ModeInPerson, models.ModeRemote} {
		var bad []string
		err := f.store.DB.Select(&bad, `
		SELECT 'yes without a seat: ' || r.person_id FROM rsvps r JOIN meetups m ON m.id = r.meetup_id
		WHERE r.meetup_id = $1 AND r.mode = $2 AND r.status = 'yes' AND ($2 = 'in_person' OR m.remote_capacity IS NOT NULL)
		  AND NOT EXISTS (SELECT 1 FROM rsvp_seats s WHERE s.meetup_id = $1 AND s.kind = $2 AND s.person_id = r.person_id)
		UNION ALL
		SELECT 'seat of someone not yes: ' || s.n FROM rsvp_seats s LEFT JOIN rsvps r USING (meetup_id, person_id)
		WHERE s.meetup_id = $1 AND s.kind = $2 AND s.person_id IS NOT NULL AND (r.status IS DISTINCT FROM 'yes' OR r.mode <> $2)
		UNION ALL
		SELECT 'free seat while someone waits' WHERE EXISTS (SELECT 1 FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND person_id IS NULL)
		  AND EXISTS (SELECT 1 FROM rsvps WHERE meetup_id = $1 AND mode = $2 AND status = 'waitlisted')
		UNION ALL
		SELECT 'waiting counter ' || COALESCE((SELECT sum(waiting) FROM rsvp_waiting WHERE meetup_id = $1 AND mode = $2), 0)
		    || ' <> ' || (SELECT count(*) FROM rsvps WHERE meetup_id = $1 AND mode = $2 AND status = 'waitlisted')
		WHERE COALESCE((SELECT sum(waiting) FROM rsvp_waiting WHERE meetup_id = $1 AND mode = $2), 0)
		    <> (SELECT count(*) FROM rsvps WHERE meetup_id = $1 AND mode = $2 AND status = 'waitlisted')
		UNION ALL
		SELECT 'free seat while over capacity' WHERE EXISTS (SELECT 1 FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND person_id IS NULL)
		  AND EXISTS (SELECT 1 FROM rsvp_seats WHERE meetup_id = $1 AND kind = $2 AND excess)`, f.meetup.ID, mode)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range bad {
			t.Errorf("%s: %s", mode, b)
		}
	}
}
