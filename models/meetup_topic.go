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

// SetTopic records the chosen topic of a meetup of the team; a finished or cancelled meetup is ErrConflict.
func (s *Store) SetTopic(ctx context.Context, teamID, userID, id, topic string) (Meetup, error) {
	if k := cleanLine(&topic, maxTextLen); k != "" {
		return Meetup{}, Invalid(FieldErrors{"topic": k})
	} else if topic == "" {
		return Meetup{}, Invalid(FieldErrors{"topic": "required"})
	}
	var out Meetup
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
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
