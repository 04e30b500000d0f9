package models

import (
	"context"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// OutreachInput is the brief to send and to whom.
type OutreachInput struct {
	CandidateIDs []string `json:"candidate_ids" form:"candidate_ids"`
	Message      string   `json:"message" form:"message"`
	// ByLanguage is the brief in each language, when it is the composed draft the organiser sent
	// unedited: a speaker whose mail is in one of them gets it in theirs, not Message's.
	ByLanguage map[string]string `json:"-" form:"-"`
}

// OutreachResult says who got the brief and who was skipped (already contacted).
type OutreachResult struct {
	Sent    []Candidate `json:"sent"`
	Skipped []string    `json:"skipped"`
}

// maxBriefLen bounds the brief's text.
const maxBriefLen = 20000

// validate wants some well-formed candidate ids and a message.
func (in *OutreachInput) validate() error {
	fe := FieldErrors{}
	in.Message = strings.TrimSpace(strings.ReplaceAll(in.Message, "\r\n", "\n"))
	for lang, m := range in.ByLanguage {
		in.ByLanguage[lang] = strings.TrimSpace(strings.ReplaceAll(m, "\r\n", "\n"))
	}
	if len(in.CandidateIDs) == 0 {
		fe["candidate_ids"] = "choose_candidates"
	}
	for _, id := range in.CandidateIDs {
		if !IsUUID(id) {
			fe["candidate_ids"] = "not_found"
		}
	}
	switch {
	case in.Message == "":
		fe["message"] = "required"
	case strings.ContainsRune(in.Message, 0):
		fe["message"] = "control_char"
	case utf8.RuneCountInString(in.Message) > maxBriefLen:
		fe["message"] = MaxChars(maxBriefLen)
	}
	return Invalid(fe)
}

const countOwnCandidatesSQL = `SELECT count(*) FROM candidates WHERE meetup_id = $1 AND id = ANY($2::uuid[])`

const countSlotsSQL = `SELECT count(*) FROM speaker_slots WHERE meetup_id = $1`

const contactCandidatesSQL = `
UPDATE candidates SET status = 'contacted', contacted_at = now(), follow_ups = 0,
    brief = COALESCE((SELECT $4::jsonb ->> s.language FROM speakers s WHERE s.id = candidates.speaker_id), $3),
    due_at = now() + make_interval(days => (SELECT follow_up_days FROM speaker_settings WHERE meetup_id = $1)),
    updated_at = now()
WHERE meetup_id = $1 AND id = ANY($2::uuid[]) AND status = 'found'
RETURNING id`

// SendOutreach marks the chosen candidates contacted and, in the same transaction, hands each
// brief to notify. Candidates already contacted are skipped, so a retry sends nothing twice.
func (s *Store) SendOutreach(ctx context.Context, teamID, userID, meetupID string, in OutreachInput, notify NotifyFunc) (OutreachResult, error) {
	res := OutreachResult{Sent: []Candidate{}, Skipped: []string{}}
	if err := in.validate(); err != nil {
		return res, err
	}
	ids := pq.StringArray(in.CandidateIDs)
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := outreachReady(ctx, tx, teamID, meetupID, ids); err != nil {
			return err
		}
		var sent []string
		byLang, err := json.Marshal(in.ByLanguage)
		if err != nil {
			return err
		}
		if err := sqlx.SelectContext(ctx, tx, &sent, contactCandidatesSQL, meetupID, ids, in.Message, string(byLang)); err != nil {
			return mapErr(err)
		}
		for _, id := range sent {
			n, err := notice(ctx, tx, NoticeBrief, teamID, meetupID, id)
			if err == nil && notify != nil {
				err = notify(ctx, tx, n)
			}
			if err != nil {
				return err
			}
			res.Sent = append(res.Sent, n.Candidate)
		}
		res.Skipped = skippedIDs(in.CandidateIDs, sent)
		return outreachSent(ctx, tx, teamID, userID, meetupID, len(sent))
	})
	return res, err
}

// outreachReady locks the meetup's settings and checks the candidates are its own and it has slots.
func outreachReady(ctx context.Context, tx sqlx.QueryerContext, teamID, meetupID string, ids pq.StringArray) error {
	if err := lockMeetupOpen(ctx, tx, teamID, meetupID); err != nil {
		return err
	}
	var own, slots int
	if err := sqlx.GetContext(ctx, tx, &own, countOwnCandidatesSQL, meetupID, ids); err != nil {
		return mapErr(err)
	}
	if own != len(uniqueStrings(ids)) {
		return ErrNotFound
	}
	if err := sqlx.GetContext(ctx, tx, &slots, countSlotsSQL, meetupID); err != nil {
		return mapErr(err)
	}
	if slots == 0 {
		return Invalid(FieldErrors{"slots": "no_slots"})
	}
	return nil
}

// outreachSent moves the meetup to outreach and records the batch.
func outreachSent(ctx context.Context, tx sqlx.ExtContext, teamID, userID, meetupID string, n int) error {
	if n == 0 {
		return nil
	}
	if err := advanceStage(ctx, tx, meetupID, StageOutreach); err != nil {
		return err
	}
	return Audit(ctx, tx, teamID, userID, "outreach.send", meetupID, map[string]any{"sent": n})
}

// skippedIDs lists the asked ids that were not sent, once each.
func skippedIDs(asked, sent []string) []string {
	out := []string{}
	for _, id := range uniqueStrings(asked) {
		found := false
		for _, s := range sent {
			found = found || strings.EqualFold(s, id)
		}
		if !found {
			out = append(out, id)
		}
	}
	return out
}

// uniqueStrings drops repeated values (case-insensitively, as UUIDs compare), keeping order.
func uniqueStrings(in []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, v := range in {
		if k := strings.ToLower(v); !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out
}
