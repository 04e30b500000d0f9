package models

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
)

// LineupPick puts a candidate on a slot.
type LineupPick struct {
	CandidateID string `json:"candidate_id"`
	SlotID      string `json:"slot_id"`
}

// LineupInput is the organiser's choice of speakers and their slots.
type LineupInput struct {
	Speakers []LineupPick `json:"speakers"`
}

// validate wants some picks with well-formed ids and each candidate once.
func (in LineupInput) validate() error {
	fe := FieldErrors{}
	if len(in.Speakers) == 0 {
		fe["speakers"] = "lineup_empty"
	}
	seen := map[string]bool{}
	for i, p := range in.Speakers {
		key := fmt.Sprintf("speakers[%d].", i)
		if !IsUUID(p.CandidateID) {
			fe[key+"candidate_id"] = cmpMsg(p.CandidateID == "", "required", "not_found")
		} else if seen[p.CandidateID] {
			fe[key+"candidate_id"] = "duplicate"
		}
		if !IsUUID(p.SlotID) {
			fe[key+"slot_id"] = cmpMsg(p.SlotID == "", "required", "not_found")
		}
		seen[p.CandidateID] = true
	}
	return Invalid(fe)
}

const pickStateSQL = `
SELECT c.status, c.lineup_slot_id::text AS lineup_slot_id,
       EXISTS (SELECT 1 FROM speaker_slots sl WHERE sl.id = $3 AND sl.meetup_id = $1) AS slot_ok,
       EXISTS (SELECT 1 FROM slot_holds h WHERE h.slot_id = $3 AND h.candidate_id <> c.id) AS slot_held
FROM candidates c WHERE c.id = $2 AND c.meetup_id = $1 FOR UPDATE OF c`

const invitePickSQL = `
UPDATE candidates SET status = 'invited', lineup_slot_id = $2, invited_at = now(), declined_at = NULL, updated_at = now()
WHERE id = $1`

// SetLineup asks the chosen candidates to confirm their slots: each becomes invited and notify
// gets a confirmation request. Re-sending an unchanged pick sends nothing; several candidates may
// be asked for one slot (whoever confirms first holds it), but not a slot already held.
func (s *Store) SetLineup(ctx context.Context, teamID, userID, meetupID string, in LineupInput, notify NotifyFunc) ([]Candidate, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	out := []Candidate{}
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockMeetupOpen(ctx, tx, teamID, meetupID); err != nil {
			return err
		}
		for i, p := range in.Speakers {
			changed, err := invitePick(ctx, tx, meetupID, i, p)
			if err != nil {
				return err
			}
			if changed {
				if err := send(ctx, tx, notify, NoticeConfirmRequest, teamID, meetupID, p.CandidateID); err != nil {
					return err
				}
			}
			c, err := getCandidate(ctx, tx, teamID, meetupID, p.CandidateID)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		if err := advanceStage(ctx, tx, meetupID, StageConfirmation); err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "lineup.set", meetupID, map[string]any{"speakers": len(in.Speakers)})
	})
	return out, err
}

// invitePick checks one pick and invites the candidate; it reports whether anything changed.
func invitePick(ctx context.Context, tx *sqlx.Tx, meetupID string, i int, p LineupPick) (bool, error) {
	var st struct {
		Status   string  `db:"status"`
		SlotID   *string `db:"lineup_slot_id"`
		SlotOK   bool    `db:"slot_ok"`
		SlotHeld bool    `db:"slot_held"`
	}
	if err := sqlx.GetContext(ctx, tx, &st, pickStateSQL, meetupID, p.CandidateID, p.SlotID); err != nil {
		return false, mapErr(err)
	}
	key := fmt.Sprintf("speakers[%d].", i)
	switch {
	case !st.SlotOK:
		return false, ErrNotFound
	case st.Status == CandidateConfirmed:
		return false, Invalid(FieldErrors{key + "candidate_id": "already_confirmed"})
	case st.Status != CandidateInterested && st.Status != CandidateMaybe && st.Status != CandidateInvited:
		return false, Invalid(FieldErrors{key + "candidate_id": "not_interested"})
	case st.SlotHeld:
		return false, Invalid(FieldErrors{key + "slot_id": "slot_taken"})
	case st.Status == CandidateInvited && st.SlotID != nil && strings.EqualFold(*st.SlotID, p.SlotID):
		return false, nil
	}
	_, err := tx.ExecContext(ctx, invitePickSQL, p.CandidateID, p.SlotID)
	return err == nil, mapErr(err)
}
