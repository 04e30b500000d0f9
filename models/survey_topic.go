package models

import (
	"context"
	"errors"

	"github.com/jmoiron/sqlx"
)

// TopicChoice is the organiser's pick of a meetup's topic; Notify tells everyone the survey was mailed to.
type TopicChoice struct {
	Topic  string `json:"topic"`
	Notify bool   `json:"notify"`
}

const chooseTopicSQL = `
UPDATE meetups SET topic = $2, updated_at = now(),
    stage = CASE WHEN stage IN ('audience', 'survey') THEN 'speakers' ELSE stage END
WHERE id = $1
RETURNING ` + meetupColumns

// A chosen topic ends the survey: its results are final.
const closeOnTopicSQL = `
UPDATE surveys SET closed_at = now(), closed_by = 'topic', updated_at = now()
WHERE meetup_id = $1 AND closed_at IS NULL`

const surveyInviteesSQL = `
SELECT p.id, p.email, p.name, p.language, p.timezone, 0 AS reminders,
    EXISTS (SELECT 1 FROM survey_responses r WHERE r.meetup_id = i.meetup_id AND r.person_id = p.id) AS answered
FROM survey_invites i JOIN people p ON p.id = i.person_id
WHERE i.meetup_id = $1 ORDER BY p.email`

// ChooseTopic sets a meetup's topic (with or without a survey), closes its survey and moves the
// meetup on to speaker search; with Notify it mails the topic to everyone the survey reached.
func (s *Store) ChooseTopic(ctx context.Context, lk *Linker, teamID, userID, meetupID string, tc TopicChoice, mail SurveyMail) (Meetup, error) {
	fe := FieldErrors{}
	checkLineField(fe, "topic", &tc.Topic, maxTopicLen, true)
	if err := Invalid(fe); err != nil {
		return Meetup{}, err
	}
	var m Meetup
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		old, err := lockSurveyMeetup(ctx, tx, teamID, meetupID)
		if err != nil {
			return err
		}
		if old.Stage == StageCancelled || old.Stage == StageDone {
			return ErrWrongStage
		}
		if err := tx.GetContext(ctx, &m, chooseTopicSQL, meetupID, tc.Topic); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, closeOnTopicSQL, meetupID); err != nil {
			return err
		}
		if err := notifyTopic(ctx, tx, lk, m, tc.Notify, mail); err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "meetup.topic", "meetup:"+meetupID,
			map[string]any{"topic": tc.Topic, "notify": tc.Notify})
	})
	return m, err
}

// notifyTopic mails the chosen topic to the survey's invitees when asked to (nobody without a survey).
func notifyTopic(ctx context.Context, tx *sqlx.Tx, lk *Linker, m Meetup, notify bool, mail SurveyMail) error {
	if !notify {
		return nil
	}
	var sv Survey
	err := mapErr(tx.GetContext(ctx, &sv, getSurveySQL, m.ID, m.TeamID))
	if errors.Is(err, ErrNotFound) {
		return nil // no survey: nobody was asked, nobody to tell
	}
	if err != nil {
		return err
	}
	var rs []SurveyRecipient
	if err := tx.SelectContext(ctx, &rs, surveyInviteesSQL, m.ID); err != nil {
		return err
	}
	return mailEach(ctx, tx, lk, m, sv, rs, MailTopicChosen, mail)
}
