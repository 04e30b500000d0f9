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
	Speakers     pq.StringArray `db:"speakers" json:"speakers"`           // who holds it, or who is asked for it
	CandidateIDs pq.StringArray `db:"candidate_ids" json:"candidate_ids"` // their candidacies, in the same order
}

const slotsOutsideSQL = `
SELECT ` + slotColumns + `, w.speakers, w.candidate_ids
FROM speaker_slots sl JOIN meetups m ON m.id = sl.meetup_id
CROSS JOIN LATERAL (
    SELECT array_agg(s.name ORDER BY s.name, c.id) AS speakers, array_agg(c.id::text ORDER BY s.name, c.id) AS candidate_ids
    FROM candidates c JOIN speakers s ON s.id = c.speaker_id
    WHERE c.lineup_slot_id = sl.id AND (c.status = 'confirmed' OR c.status = 'invited' AND NOT EXISTS (
        SELECT 1 FROM slot_holds h WHERE h.slot_id = sl.id AND h.candidate_id <> c.id))
) w
WHERE sl.meetup_id = $1 AND m.team_id = $2 AND m.starts_at IS NOT NULL
  AND (sl.ends_at > m.ends_at OR sl.starts_at < m.starts_at) AND w.speakers IS NOT NULL
ORDER BY sl.starts_at, sl.ends_at`

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
