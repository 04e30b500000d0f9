package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// Setting the topic (with or without a survey) moves a meetup from the first two steps to speaker search.
const setTopicSQL = `
UPDATE meetups SET topic = $3, updated_at = now(),
    stage = CASE WHEN stage IN ('audience', 'survey') THEN 'speakers' ELSE stage END
WHERE id = $1 AND team_id = $2
RETURNING ` + meetupColumns

// TopicOpen says whether the topic can still be set directly: in the first steps (audience,
// survey) and speaker search, before a brief carrying the topic went out to speakers. From
// outreach on (and once done or cancelled) it is fixed; the API's PUT /topic stays as it was.
func (m Meetup) TopicOpen() bool {
	return m.Stage == StageAudience || m.Stage == StageSurvey || m.Stage == StageSpeakers
}

// CleanTopic checks a topic as SetTopic takes it (one line, not empty) and returns it trimmed,
// or a field error on "topic".
func CleanTopic(topic string) (string, error) {
	if k := cleanLine(&topic, maxTextLen); k != "" {
		return "", Invalid(FieldErrors{"topic": k})
	} else if topic == "" {
		return "", Invalid(FieldErrors{"topic": "required"})
	}
	return topic, nil
}

// SetTopic records the chosen topic of a meetup of the team; a finished or cancelled meetup is ErrConflict.
func (s *Store) SetTopic(ctx context.Context, teamID, userID, id, topic string) (Meetup, error) {
	topic, err := CleanTopic(topic)
	if err != nil {
		return Meetup{}, err
	}
	var out Meetup
	err = s.InTx(ctx, func(tx *sqlx.Tx) error {
		cur, err := lockMeetup(ctx, tx, teamID, id)
		if err != nil {
			return err
		}
		if cur.Stage == StageDone || cur.Stage == StageCancelled {
			return ErrConflict
		}
		if err := tx.GetContext(ctx, &out, setTopicSQL, id, teamID, topic); err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "meetup.topic", "meetup:"+id, map[string]any{"stage": out.Stage})
	})
	return out, err
}
