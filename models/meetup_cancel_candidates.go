package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// NoticeOutreachCancelled goes to a candidate of the brief who is not in the lineup and has not
// said no: the meetup is cancelled, nothing is needed of them.
const NoticeOutreachCancelled = "speaker_outreach_cancelled"

// briefCandidatesSQL finds the candidates of the brief a cancellation tells besides the chosen
// speakers: those still silent (contacted, or no_reply: their link still takes an answer), those
// who said yes or maybe and were not chosen, and those asked for a slot another speaker took.
// Those who said no, withdrew, or were never sent the brief are not written to.
const briefCandidatesSQL = `
SELECT c.id FROM candidates c
WHERE c.meetup_id = $1
  AND (c.status IN ('contacted', 'no_reply', 'interested', 'maybe')
       OR c.status = 'invited' AND (c.lineup_slot_id IS NULL OR EXISTS (
           SELECT 1 FROM slot_holds h WHERE h.slot_id = c.lineup_slot_id AND h.candidate_id <> c.id)))
ORDER BY c.id`

// briefCandidates returns a NoticeOutreachCancelled for each candidate of the cancelled meetup m
// that briefCandidatesSQL finds.
func briefCandidates(ctx context.Context, tx *sqlx.Tx, m Meetup) ([]SpeakerNotice, error) {
	return candidateNotices(ctx, tx, briefCandidatesSQL, NoticeOutreachCancelled, m)
}
