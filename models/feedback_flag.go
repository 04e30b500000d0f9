package models

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"
)

// markAlertedSQL claims the one alert of an answer: it returns a row only the first time.
const markAlertedSQL = `
UPDATE feedback SET alerted_at = now() WHERE meetup_id = $1 AND person_id = $2 AND alerted_at IS NULL
RETURNING alerted_at`

const flagFeedbackSQL = `
UPDATE feedback SET flagged_at = coalesce(flagged_at, now())
WHERE meetup_id = $1 AND person_id = $2 AND team_id = $3
RETURNING ` + feedbackColumns

const alertPersonSQL = `SELECT id, name, language, timezone, email FROM people WHERE id = $1`

// alertOnce mails the organisers about an answer unless they were already told about it
// (a low rating or a flag: at most one mail per answer), in the caller's transaction.
func alertOnce(ctx context.Context, tx *sqlx.Tx, reason, meetupID, personID string, f *Feedback, alert FeedbackAlertMail) error {
	err := tx.GetContext(ctx, &f.AlertedAt, markAlertedSQL, meetupID, personID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return mapErr(err)
	}
	a := FeedbackAlert{Reason: reason, Answer: *f}
	if a.Meetup, err = MeetupByID(ctx, tx, meetupID); err != nil {
		return err
	}
	var p struct {
		Respondent
		Email string `db:"email"`
	}
	if err := tx.GetContext(ctx, &p, alertPersonSQL, personID); err != nil {
		return mapErr(err)
	}
	a.Person, a.Email = p.Respondent, p.Email
	if a.Organisers, err = MeetupOrganisers(ctx, tx, meetupID); err != nil {
		return err
	}
	return alert(ctx, tx, a)
}

// FlagFeedback marks an answer of the team's meetup for attention and mails the organisers its
// comment, once per answer (none when a low rating already alerted them). No answer is ErrNotFound.
func (s *Store) FlagFeedback(ctx context.Context, teamID, userID, meetupID, personID string, alert FeedbackAlertMail) (Feedback, error) {
	var f Feedback
	if !IsUUID(meetupID) || !IsUUID(personID) {
		return f, ErrNotFound
	}
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := tx.GetContext(ctx, &f, flagFeedbackSQL, meetupID, personID, teamID); err != nil {
			return mapErr(err)
		}
		if err := alertOnce(ctx, tx, AlertFlagged, meetupID, personID, &f, alert); err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "feedback.flag", "meetup:"+meetupID, map[string]any{"person_id": personID})
	})
	return f, err
}
