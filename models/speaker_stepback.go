package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// stepBackSQL moves a meetup whose lineup is empty again (no speaker confirmed, none still asked)
// back to outreach, where the next lineup is chosen among the answers: from confirmation, or from
// scheduled while nobody has an RSVP row for it yet (no invitation sent, nobody at the door). A
// meetup whose invitations went out keeps its stage, as does a done or cancelled one.
const stepBackSQL = `
UPDATE meetups m SET stage = 'outreach', updated_at = now()
WHERE m.id = $1
  AND (m.stage = 'confirmation' OR (m.stage = 'scheduled' AND NOT EXISTS (SELECT 1 FROM rsvps r WHERE r.meetup_id = m.id)))
  AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.meetup_id = m.id AND c.status IN ('invited', 'confirmed'))`

// lockMeetupForStageSQL locks a meetup's row as its update would (yes answers, which take KEY
// SHARE, go on), waiting for an invitation send that holds it.
const lockMeetupForStageSQL = `SELECT 1 FROM meetups WHERE id = $1 FOR NO KEY UPDATE`

// stepBack follows a withdrawal or a decline back: a meetup left without a lineup returns to
// outreach (stepBackSQL). The meetup's row is locked by a statement of its own first, so the one
// that looks for RSVPs sees those of an invitation send it waited for.
func stepBack(ctx context.Context, tx *sqlx.Tx, meetupID string) error {
	var one int
	if err := tx.GetContext(ctx, &one, lockMeetupForStageSQL, meetupID); err != nil {
		return mapErr(err)
	}
	_, err := tx.ExecContext(ctx, stepBackSQL, meetupID)
	return mapErr(err)
}
