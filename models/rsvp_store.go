package models

import (
	"context"
	"fmt"
)

// seatsReturning adds the free and excess seats of the answer's mode to a store's RETURNING.
const seatsReturning = `,
    (SELECT count(*) FROM rsvp_seats s WHERE s.meetup_id = $1 AND s.kind = $4 AND s.person_id IS NULL) AS free,
    (SELECT count(*) FROM rsvp_seats s WHERE s.meetup_id = $1 AND s.kind = $4 AND s.excess) AS excess`

// storeAnswerSQL writes an answer that takes no new seat; $6 keeps a waitlist place, whose
// position is counted.
const storeAnswerSQL = `
UPDATE rsvps SET status = $3, mode = $4, dietary = $5, answered_at = now(), updated_at = now(),
    waitlist_seq = CASE WHEN $3 = 'waitlisted' THEN $6::bigint END
WHERE meetup_id = $1 AND person_id = $2
RETURNING ` + rsvpColumns + `,
    CASE WHEN status = 'waitlisted' THEN 1 + (
        SELECT count(*) FROM rsvps w WHERE w.meetup_id = $1 AND w.mode = $4
        AND w.status = 'waitlisted' AND w.waitlist_seq < rsvps.waitlist_seq) ELSE 0 END AS position` + seatsReturning

// claimStoreSQL writes a yes of a limited mode: the lowest free seat of the mode, skipping those
// others are taking, else a new place at the end of the waitlist, numbered after everyone
// waiting (rsvp_waiting, not a count of the list). It takes storeAnswerSQL's six arguments; $3
// must be yes and $6 empty.
var claimStoreSQL = `
WITH c AS (
    UPDATE rsvp_seats SET person_id = $2
    WHERE (meetup_id, kind, n) = (
        SELECT meetup_id, kind, n FROM rsvp_seats
        WHERE meetup_id = $1 AND kind = $4 AND person_id IS NULL
        ORDER BY n LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING n
)
UPDATE rsvps SET mode = $4, dietary = $5, answered_at = now(), updated_at = now(),
    status = CASE WHEN EXISTS (SELECT 1 FROM c) THEN 'yes' ELSE 'waitlisted' END,
    waitlist_seq = CASE WHEN EXISTS (SELECT 1 FROM c) THEN NULL ELSE nextval('rsvp_waitlist_seq') END
WHERE meetup_id = $1 AND person_id = $2 AND $3 = 'yes' AND $6::bigint IS NULL
RETURNING ` + rsvpColumns + `,
    CASE WHEN status = 'waitlisted' THEN 1 + (
        SELECT COALESCE(sum(waiting), 0) FROM rsvp_waiting WHERE meetup_id = $1 AND mode = $4) ELSE 0 END AS position,
    CASE WHEN status = 'waitlisted' THEN ` + lineupJSONSQL("$1", "rsvps.team_id") + ` END AS lineup` + seatsReturning

// storeAnswer writes the new state, claiming a seat or a waitlist place when claim is set; a
// new place on the waitlist is told with its position.
func storeAnswer(ctx context.Context, q txq, lim limits, r RSVP, claim bool, notify Notifier) (AnswerResult, error) {
	var row struct {
		RSVP
		Position int         `db:"position"`
		Free     int         `db:"free"`
		Excess   int         `db:"excess"`
		Lineup   *LineupJSON `db:"lineup"` // the claim's, for the notice of a new place
	}
	query := storeAnswerSQL
	if claim {
		query = claimStoreSQL
	}
	err := q.get(ctx, &row, query, r.MeetupID, r.PersonID, r.Status, r.Mode, r.Dietary, r.WaitlistSeq)
	if err != nil {
		return AnswerResult{}, mapErr(err)
	}
	res := AnswerResult{RSVP: row.RSVP, Position: row.Position, Seats: SeatCount{Mode: r.Mode,
		Limited: lim.limited(r.Mode), Capacity: lim.capacity(r.Mode), Excess: row.Excess}}
	if claim && res.RSVP.Status == RSVPYes {
		row.Free-- // the statement's own snapshot still saw the seat it took as free
	}
	if res.Seats.Limited {
		res.Seats.Taken = res.Seats.Capacity + row.Excess - row.Free
	}
	if !claim || res.RSVP.Status != RSVPWaitlisted {
		return res, nil
	}
	ev := RSVPEvent{Kind: EventWaitlisted, MeetupID: r.MeetupID, PersonID: r.PersonID, Position: row.Position,
		Key: fmt.Sprintf("waitlisted:%s:%s:%d", r.MeetupID, r.PersonID, *res.RSVP.WaitlistSeq)}
	if row.Lineup != nil {
		ev.Notice = &Notice{Lineup: *row.Lineup, Mode: r.Mode} // the answer adds the rest (locked.ownNotice)
	}
	return res, notify(ctx, q.tx, ev)
}
