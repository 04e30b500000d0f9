package models

import (
	"context"

	"github.com/lib/pq"
)

// SlotOutside is a slot of the lineup (held by a confirmed speaker, or offered to speakers asked
// to confirm it) that is no longer inside the meetup's time, as after a reschedule that moved the
// start and shortened the meetup.
type SlotOutside struct {
	Slot
	Speakers pq.StringArray `db:"speakers" json:"speakers"` // who holds it, or who is asked for it
}

const slotsOutsideSQL = `
SELECT * FROM (
    SELECT ` + slotColumns + `,
        ARRAY(SELECT s.name FROM candidates c JOIN speakers s ON s.id = c.speaker_id
              WHERE c.lineup_slot_id = sl.id AND (c.status = 'confirmed' OR c.status = 'invited' AND NOT EXISTS (
                  SELECT 1 FROM slot_holds h WHERE h.slot_id = sl.id AND h.candidate_id <> c.id))
              ORDER BY s.name) AS speakers
    FROM speaker_slots sl JOIN meetups m ON m.id = sl.meetup_id
    WHERE sl.meetup_id = $1 AND m.team_id = $2 AND m.starts_at IS NOT NULL
      AND (sl.ends_at > m.ends_at OR sl.starts_at < m.starts_at)
) o WHERE cardinality(o.speakers) > 0
ORDER BY o.starts_at, o.ends_at`

// SlotsOutside returns the lineup's slots that no longer fit in the meetup's time, in time order:
// none for a meetup not scheduled yet, or another team's.
func (s *Store) SlotsOutside(ctx context.Context, teamID, meetupID string) ([]SlotOutside, error) {
	out := []SlotOutside{}
	if !IsUUID(meetupID) {
		return out, nil
	}
	err := s.DB.SelectContext(ctx, &out, slotsOutsideSQL, meetupID, teamID)
	return out, mapErr(err)
}
