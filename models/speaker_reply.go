package models

import (
	"context"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// ReplyInput is a speaker's answer to the brief, from the /o/ page.
type ReplyInput struct {
	Interest  string   `form:"interest"`
	Slots     []string `form:"slot"`
	TalkTitle string   `form:"talk_title"`
	Abstract  string   `form:"abstract"`
	Note      string   `form:"note"`
}

// replyStatus maps an answer to the candidate's status.
var replyStatus = map[string]string{"yes": CandidateInterested, "maybe": CandidateMaybe, "no": CandidateDeclined}

// validate checks the answer against the meetup's slots.
func (in *ReplyInput) validate(slots []Slot) error {
	fe := FieldErrors{}
	in.TalkTitle, in.Abstract, in.Note = strings.TrimSpace(in.TalkTitle), strings.TrimSpace(in.Abstract), strings.TrimSpace(in.Note)
	if _, ok := replyStatus[in.Interest]; !ok {
		fe["interest"] = cmpMsg(in.Interest == "", "required", "invalid_choice")
	}
	for _, id := range in.Slots {
		if !slices.ContainsFunc(slots, func(s Slot) bool { return s.ID == id }) {
			fe["slot"] = "invalid_choice"
		}
	}
	if in.Interest == "yes" && len(in.Slots) == 0 {
		fe["slot"] = "choose_slot"
	}
	if in.Interest == "no" {
		in.Slots = nil
	}
	checkText(fe, "talk_title", in.TalkTitle, 200)
	checkText(fe, "abstract", in.Abstract, maxNotesLen)
	checkText(fe, "note", in.Note, 2000)
	return Invalid(fe)
}

// checkText flags a text holding a NUL or over max characters.
func checkText(fe FieldErrors, field, v string, max int) {
	switch {
	case strings.ContainsRune(v, 0):
		fe[field] = "control_char"
	case utf8.RuneCountInString(v) > max:
		fe[field] = MaxChars(max)
	}
}

// cmpErr picks an error by a condition.
func cmpErr(cond bool, yes, no error) error {
	if cond {
		return yes
	}
	return no
}

// cmpMsg picks a message key by a condition.
func cmpMsg(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

const saveReplySQL = `
UPDATE candidates SET answer = $2, status = $3, talk_title = $4, abstract = $5, note = $6,
    first_answered_at = coalesce(first_answered_at, now()), answered_at = now(), due_at = NULL, updated_at = now()
WHERE id = $1`

const clearReplySlotsSQL = `DELETE FROM candidate_slots WHERE candidate_id = $1`

const addReplySlotsSQL = `
INSERT INTO candidate_slots (candidate_id, slot_id)
SELECT $1, sl.id FROM speaker_slots sl WHERE sl.meetup_id = $2 AND sl.id::text = ANY($3::text[])`

// SaveReply stores a speaker's answer from their outreach link; it can change until the lineup is fixed.
func (s *Store) SaveReply(ctx context.Context, link Link, in ReplyInput) error {
	if link.MeetupID == nil {
		return ErrNotFound
	}
	meetupID, id := *link.MeetupID, link.Subject
	return s.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := replyOpen(ctx, tx, link.TeamID, meetupID, id); err != nil {
			return err
		}
		var slots []Slot
		if err := sqlx.SelectContext(ctx, tx, &slots, listSlotsSQL, meetupID, link.TeamID); err != nil {
			return mapErr(err)
		}
		if err := in.validate(slots); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, saveReplySQL, id, in.Interest, replyStatus[in.Interest], in.TalkTitle, in.Abstract, in.Note)
		if err == nil {
			_, err = tx.ExecContext(ctx, clearReplySlotsSQL, id)
		}
		if err == nil {
			_, err = tx.ExecContext(ctx, addReplySlotsSQL, id, meetupID, pq.StringArray(in.Slots))
		}
		return mapErr(err)
	})
}

// replyOpen locks the meetup's settings, then the candidate (always in this order), and refuses a
// change once the candidate is in the lineup, the lineup is fixed (but for a first answer) or the
// meetup is over.
func replyOpen(ctx context.Context, tx sqlx.QueryerContext, teamID, meetupID, id string) error {
	if err := lockMeetupOpen(ctx, tx, teamID, meetupID); err != nil {
		return cmpErr(errors.Is(err, ErrSpeakerStepsClosed), ErrReplyClosed, err)
	}
	status, err := lockCandidate(ctx, tx, teamID, meetupID, id)
	if err != nil {
		return err
	}
	switch {
	case status == CandidateInvited, status == CandidateConfirmed, status == CandidateWithdrawn, status == CandidateFound:
		return ErrReplyClosed
	case firstAnswer(status):
		return nil
	}
	ready, err := lineupReady(ctx, tx, meetupID)
	if err != nil {
		return err
	}
	if ready {
		return ErrReplyClosed
	}
	return nil
}
