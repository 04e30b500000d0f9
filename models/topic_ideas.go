package models

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

// Where a topic idea came from.
const (
	IdeaFromOrganiser = "organiser"
	IdeaFromSurvey    = "survey"
	IdeaFromFeedback  = "feedback"
)

// maxTopicIdeas bounds the backlog list.
const maxTopicIdeas = 500

// TopicIdea is one entry of a team's topic backlog, offered as a survey candidate.
type TopicIdea struct {
	ID        string    `db:"id" json:"id"`
	Title     string    `db:"title" json:"title"`
	Source    string    `db:"source" json:"source"`
	MeetupID  *string   `db:"meetup_id" json:"meetup_id"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
}

const listIdeasSQL = `
SELECT id, title, source, meetup_id, created_at FROM topic_ideas
WHERE team_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`

// ListTopicIdeas returns the team's backlog, newest first.
func (s *Store) ListTopicIdeas(ctx context.Context, teamID string) ([]TopicIdea, error) {
	out := []TopicIdea{}
	err := s.DB.SelectContext(ctx, &out, listIdeasSQL, teamID, maxTopicIdeas)
	return out, mapErr(err)
}

const addIdeaSQL = `
WITH ins AS (
    INSERT INTO topic_ideas (team_id, title, source, meetup_id) VALUES ($1, $2, $3, $4)
    ON CONFLICT (team_id, lower(title)) DO NOTHING
    RETURNING id, title, source, meetup_id, created_at
)
SELECT id, title, source, meetup_id, created_at FROM ins
UNION ALL
SELECT id, title, source, meetup_id, created_at FROM topic_ideas WHERE team_id = $1 AND lower(title) = lower($2)
LIMIT 1`

// AddTopicIdea puts an idea in the team's backlog (once per text, case-insensitively) and returns
// it; the feedback form calls it with source IdeaFromFeedback inside its own transaction.
func AddTopicIdea(ctx context.Context, db sqlx.QueryerContext, teamID, title, source string, meetupID *string) (TopicIdea, error) {
	fe := FieldErrors{}
	checkLineField(fe, "title", &title, maxTopicLen, true)
	if err := Invalid(fe); err != nil {
		return TopicIdea{}, err
	}
	var ti TopicIdea
	err := sqlx.GetContext(ctx, db, &ti, addIdeaSQL, teamID, title, source, meetupID)
	if errors.Is(err, sql.ErrNoRows) {
		// Another transaction added the title after this statement's snapshot was taken: the
		// insert waited for it and did nothing, and only a new statement sees its row.
		err = sqlx.GetContext(ctx, db, &ti, ideaByTitleSQL, teamID, title)
	}
	return ti, mapErr(err)
}

const ideaByTitleSQL = `SELECT id, title, source, meetup_id, created_at FROM topic_ideas WHERE team_id = $1 AND lower(title) = lower($2)`

// AddTopicIdea puts an idea in the team's backlog, outside any other transaction.
func (s *Store) AddTopicIdea(ctx context.Context, teamID, title, source string, meetupID *string) (TopicIdea, error) {
	return AddTopicIdea(ctx, s.DB, teamID, title, source, meetupID)
}

const deleteIdeaSQL = `DELETE FROM topic_ideas WHERE id = $1 AND team_id = $2`

// DeleteTopicIdea removes an idea of the team; another team's id is ErrNotFound.
func (s *Store) DeleteTopicIdea(ctx context.Context, teamID, id string) error {
	if !IsUUID(id) {
		return ErrNotFound
	}
	res, err := s.DB.ExecContext(ctx, deleteIdeaSQL, id, teamID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
