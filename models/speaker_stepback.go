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

// stepBack follows a withdrawal or a decline back: a meetup left without a lineup returns to
// outreach (stepBackSQL).
func stepBack(ctx context.Context, tx sqlx.ExecerContext, meetupID string) error {
	_, err := tx.ExecContext(ctx, stepBackSQL, meetupID)
	return mapErr(err)
}
