package bench

import (
	"fmt"
	"testing"
)

// rsvpFinal is the meetup's state after the storm.
type rsvpFinal struct {
	yesInPerson, yesRemote, waitlisted, maybe, no, promoted, positions int
	problems                                                           string
}

func (c rsvpFinal) String() string {
	s := fmt.Sprintf("%d yes in person, %d yes remote, %d waitlisted at %d distinct positions, %d maybe, %d no, %d promoted",
		c.yesInPerson, c.yesRemote, c.waitlisted, c.positions, c.maybe, c.no, c.promoted)
	if c.problems != "" {
		s += "; PROBLEMS: " + c.problems
	}
	return s
}

// rsvpCounts reads the final counts and checks the seat bookkeeping, and that every waitlisted or
// promoted event has its one mail in the outbox, under its key (which the outbox keeps unique).
func rsvpCounts(b *testing.B, rb *rsvpBench) rsvpFinal {
	b.Helper()
	var c rsvpFinal
	err := rb.app.Store.DB.QueryRow(`
		SELECT count(*) FILTER (WHERE status = 'yes' AND mode = 'in_person'),
		       count(*) FILTER (WHERE status = 'yes' AND mode = 'remote'),
		       count(*) FILTER (WHERE status = 'waitlisted'),
		       count(*) FILTER (WHERE status = 'maybe'), count(*) FILTER (WHERE status = 'no'),
		       (SELECT count(*) FROM rsvp_events WHERE kind = 'promoted'),
		       count(DISTINCT waitlist_seq) FILTER (WHERE status = 'waitlisted'),
		       concat_ws(' ',
		         CASE WHEN (SELECT count(*) FROM rsvp_seats WHERE person_id IS NOT NULL) <> count(*) FILTER (WHERE status = 'yes' AND mode = 'in_person')
		              THEN 'seats held <> yes in person' END,
		         CASE WHEN EXISTS (SELECT 1 FROM rsvp_seats WHERE person_id IS NULL) AND count(*) FILTER (WHERE status = 'waitlisted') > 0
		              THEN 'a seat is free while people wait' END,
		         CASE WHEN (SELECT COALESCE(sum(waiting), 0) FROM rsvp_waiting) <> count(*) FILTER (WHERE status = 'waitlisted')
		              THEN 'waiting counter is off' END,
		         CASE WHEN EXISTS (SELECT 1 FROM rsvp_events e FULL JOIN outbox o ON o.idempotency_key = e.key
		                           WHERE e.key IS NULL OR o.id IS NULL)
		              THEN 'an event without its one mail, or a mail without its event' END)
		FROM rsvps WHERE meetup_id = $1`, rb.meetup.ID).
		Scan(&c.yesInPerson, &c.yesRemote, &c.waitlisted, &c.maybe, &c.no, &c.promoted, &c.positions, &c.problems)
	if err != nil {
		b.Fatal(err)
	}
	return c
}
