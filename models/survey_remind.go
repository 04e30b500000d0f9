package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// remindableWhere picks the invites of meetup $1 to remind: fewer than two reminders, no answer,
// and the last mail at least $2 seconds old (so a double click or a retry reminds nobody twice).
const remindableWhere = `
i.meetup_id = $1 AND i.reminders < 2
AND coalesce(i.reminded_at, i.sent_at) <= now() - make_interval(secs => $2)
AND NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r.meetup_id = i.meetup_id AND r.person_id = i.person_id)`

const remindSQL = `
UPDATE survey_invites i SET reminders = i.reminders + 1, reminded_at = now()
FROM people p
WHERE p.id = i.person_id AND ` + remindableWhere + `
RETURNING p.id, p.email, p.name, p.language, p.timezone, i.reminders`

// RemindSurvey mails a reminder to everyone mailed who has not answered, at most two per person
// and none sooner than gap after their last survey mail; it returns how many it reminded.
func (s *Store) RemindSurvey(ctx context.Context, lk *Linker, teamID, userID, meetupID string, gap time.Duration, mail SurveyMail) (int, error) {
	var n int
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		m, sv, err := lockOpenSurvey(ctx, tx, teamID, meetupID)
		if err != nil {
			return err
		}
		var rs []SurveyRecipient
		if err := tx.SelectContext(ctx, &rs, remindSQL, meetupID, gap.Seconds()); err != nil {
			return err
		}
		if err := mailEach(ctx, tx, lk, m, sv, rs, MailSurveyReminder, mail); err != nil {
			return err
		}
		n = len(rs)
		return Audit(ctx, tx, teamID, userID, "survey.remind", "meetup:"+meetupID, map[string]any{"reminded": n})
	})
	return n, err
}

const countRemindableSQL = `
SELECT count(*) FROM survey_invites i
WHERE ` + remindableWhere + ` AND EXISTS (SELECT 1 FROM meetups WHERE id = $1 AND team_id = $3)`

// CountRemindable counts the people RemindSurvey with the same gap would reach now.
func (s *Store) CountRemindable(ctx context.Context, teamID, meetupID string, gap time.Duration) (int, error) {
	if !IsUUID(meetupID) {
		return 0, ErrNotFound
	}
	var n int
	err := s.DB.GetContext(ctx, &n, countRemindableSQL, meetupID, gap.Seconds(), teamID)
	return n, mapErr(err)
}
