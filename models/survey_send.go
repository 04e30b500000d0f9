package models

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
)

// Mail kinds of the survey, each a template of its own.
const (
	MailSurvey         = "survey"
	MailSurveyReminder = "survey_reminder"
	MailTopicChosen    = "topic_chosen"
)

// SurveyRecipient is one person to mail about a survey, with their personal link's token.
type SurveyRecipient struct {
	Kind     string `db:"-"`
	PersonID string `db:"id"`
	Email    string `db:"email"`
	Name     string `db:"name"`
	Language string `db:"language"`
	Timezone string `db:"timezone"` // the zone the mail shows times in
	Token    string `db:"-"`
	// Reminder is the reminder's number (1 or 2) in a reminder.
	Reminder int `db:"reminders"`
	// Answered says, in a chosen-topic mail, whether they answered the survey.
	Answered bool `db:"answered"`
	// Key is the outbox idempotency key of this mail.
	Key string `db:"-"`
}

// SurveyMail renders survey mails (one per recipient, all of one kind) and enqueues them inside
// the transaction that records they were sent.
type SurveyMail func(ctx context.Context, tx sqlx.ExtContext, m Meetup, sv Survey, rs []SurveyRecipient) error

// inviteMembersSQL records every member of the audience ($1–$6, membersCTE) not mailed yet as
// mailed the survey of meetup $7 and returns them.
const inviteMembersSQL = `
WITH ` + membersCTE + `, ins AS (
    INSERT INTO survey_invites (meetup_id, person_id)
    SELECT $7::uuid, id FROM members ON CONFLICT DO NOTHING
    RETURNING person_id
)
SELECT p.id, p.email, p.name, p.language, p.timezone, 0 AS reminders FROM ins JOIN people p ON p.id = ins.person_id
ORDER BY p.email`

// SendSurvey mails the survey to every audience member not mailed yet and returns how many it mailed.
func (s *Store) SendSurvey(ctx context.Context, lk *Linker, teamID, userID, meetupID string, mail SurveyMail) (int, error) {
	var n int
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		m, sv, err := lockOpenSurvey(ctx, tx, teamID, meetupID)
		if err != nil {
			return err
		}
		rule, ok, err := meetupRule(ctx, tx, m)
		if err != nil {
			return err
		} else if !ok {
			return Invalid(FieldErrors{"audience_id": "no_audience"})
		}
		var rs []SurveyRecipient
		if err := sqlx.SelectContext(ctx, tx, &rs, inviteMembersSQL, append(rule, m.ID)...); err != nil {
			return err
		}
		if err := mailEach(ctx, tx, lk, m, sv, rs, MailSurvey, mail); err != nil {
			return err
		}
		n = len(rs)
		return Audit(ctx, tx, teamID, userID, "survey.send", "meetup:"+meetupID, map[string]any{"mailed": n})
	})
	return n, err
}

// lockOpenSurvey locks the meetup of the team and reads its survey, which must be open.
func lockOpenSurvey(ctx context.Context, tx *sqlx.Tx, teamID, meetupID string) (Meetup, Survey, error) {
	m, err := lockSurveyMeetup(ctx, tx, teamID, meetupID)
	if err != nil {
		return m, Survey{}, err
	}
	var sv Survey
	if err := tx.GetContext(ctx, &sv, getSurveySQL, meetupID, teamID); err != nil {
		return m, sv, mapErr(err)
	}
	if !sv.Open {
		return m, sv, ErrSurveyClosed
	}
	return m, sv, nil
}

// mailEach makes every recipient's personal link (one statement) and hands the mails of that
// kind to the outbox in one call.
func mailEach(ctx context.Context, tx *sqlx.Tx, lk *Linker, m Meetup, sv Survey, rs []SurveyRecipient, kind string, mail SurveyMail) error {
	if len(rs) == 0 {
		return nil
	}
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.PersonID
	}
	tokens, err := lk.EnsureMany(ctx, tx, m.TeamID, PurposeSurvey, m.ID, ids)
	if err != nil {
		return err
	}
	for i := range rs {
		rs[i].Token, rs[i].Kind = tokens[rs[i].PersonID], kind
		rs[i].Key = mailKey(kind, m, rs[i])
	}
	return mail(ctx, tx, m, sv, rs)
}

// mailKey is the outbox idempotency key of one survey mail: a retry or a double click enqueues
// nothing twice. The topic's notice is keyed by the topic, so a changed topic can be told again.
func mailKey(kind string, m Meetup, r SurveyRecipient) string {
	switch kind {
	case MailSurveyReminder:
		return fmt.Sprintf("survey-reminder:%s:%s:%d", m.ID, r.PersonID, r.Reminder)
	case MailTopicChosen:
		h := sha256.Sum256([]byte(strings.ToLower(m.Topic)))
		return fmt.Sprintf("topic-chosen:%s:%s:%x", m.ID, r.PersonID, h[:6])
	}
	return fmt.Sprintf("survey:%s:%s", m.ID, r.PersonID)
}

// countUnmailedSQL counts the members of the audience ($1–$6, membersCTE) not mailed the survey
// of meetup $7 yet.
const countUnmailedSQL = `
WITH ` + membersCTE + `
SELECT count(*) FROM members p
WHERE NOT EXISTS (SELECT 1 FROM survey_invites i WHERE i.meetup_id = $7 AND i.person_id = p.id)`

// CountUnmailed counts the audience members a send of the team's meetup would reach now: none
// when it has no audience. Another team's meetup is ErrNotFound.
func (s *Store) CountUnmailed(ctx context.Context, teamID, meetupID string) (int, error) {
	m, err := s.GetMeetup(ctx, teamID, meetupID)
	if err != nil {
		return 0, err
	}
	rule, ok, err := meetupRule(ctx, s.DB, m)
	if err != nil || !ok {
		return 0, err
	}
	var n int
	err = s.DB.GetContext(ctx, &n, countUnmailedSQL, append(rule, m.ID)...)
	return n, mapErr(err)
}
