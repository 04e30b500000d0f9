package models

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Meetup stages, in pipeline order, plus the two ends.
const (
	StageAudience     = "audience"
	StageSurvey       = "survey"
	StageSpeakers     = "speakers"
	StageOutreach     = "outreach"
	StageConfirmation = "confirmation"
	StageScheduled    = "scheduled"
	StageDone         = "done"
	StageCancelled    = "cancelled"
)

// Stages lists the pipeline stages in order.
var Stages = []string{StageAudience, StageSurvey, StageSpeakers, StageOutreach, StageConfirmation, StageScheduled, StageDone}

// Formats lists the meetup formats.
var Formats = []string{"lunch_and_learn", "talk", "workshop", "other"}

// Meetup is one event run through the six steps.
type Meetup struct {
	ID              string     `db:"id" json:"id"`
	TeamID          string     `db:"team_id" json:"-"`
	SeriesID        *string    `db:"series_id" json:"series_id"`
	AudienceID      *string    `db:"audience_id" json:"audience_id"`
	Title           string     `db:"title" json:"title"`
	Description     string     `db:"description" json:"description"`
	Format          string     `db:"format" json:"format"`
	Stage           string     `db:"stage" json:"stage"`
	Timezone        string     `db:"timezone" json:"timezone"`
	DurationMinutes int        `db:"duration_minutes" json:"duration_minutes"`
	Capacity        int        `db:"capacity" json:"capacity"`
	RemoteCapacity  *int       `db:"remote_capacity" json:"remote_capacity"`
	Location        string     `db:"location" json:"location"`
	OnlineURL       string     `db:"online_url" json:"online_url"`
	Topic           string     `db:"topic" json:"topic"`
	StartsAt        *time.Time `db:"starts_at" json:"starts_at"`
	EndsAt          *time.Time `db:"ends_at" json:"ends_at"`
	ICalUID         string     `db:"ical_uid" json:"-"`
	ICalSequence    int        `db:"ical_sequence" json:"-"`
	CancelReason    string     `db:"cancel_reason" json:"cancel_reason,omitempty"`
	CancelledStage  *string    `db:"cancelled_stage" json:"-"` // the stage it was in when cancelled
	// FeedbackDelayMinutes is how long after the end the feedback form goes out.
	FeedbackDelayMinutes int `db:"feedback_delay_minutes" json:"feedback_delay_minutes"`
	// FeedbackOpenDays is how long the feedback form stays open after it went out.
	FeedbackOpenDays int `db:"feedback_open_days" json:"feedback_open_days"`
	// ReminderMinutes are the reminders, in minutes before the start.
	ReminderMinutes pq.Int64Array `db:"reminder_minutes" json:"reminder_minutes"`
	CreatedAt       time.Time     `db:"created_at" json:"created_at"`
	UpdatedAt       time.Time     `db:"updated_at" json:"updated_at"`
}

// NewMeetup is what an organiser gives to create a meetup.
type NewMeetup struct {
	Title           string  `json:"title" form:"title"`
	Description     string  `json:"description" form:"description"`
	Format          string  `json:"format" form:"format"`
	AudienceID      *string `json:"audience_id" form:"audience_id"`
	Timezone        string  `json:"timezone" form:"timezone"`
	DurationMinutes int     `json:"duration_minutes" form:"duration_minutes"`
	Capacity        int     `json:"capacity" form:"capacity"`
	Location        string  `json:"location" form:"location"`
	OnlineURL       string  `json:"online_url" form:"online_url"`
	SeriesID        *string `json:"series_id" form:"series_id"`
	// NewSeries names a series to create with the meetup, in its transaction (the form's "…or
	// start a new series"); it wins over SeriesID.
	NewSeries string `json:"-" form:"-"`
	Topic     string `json:"-" form:"-"`
	Stage     string `json:"-" form:"-"`
}

const meetupColumns = `id, team_id, series_id, audience_id, title, description, format, stage, timezone,
    duration_minutes, capacity, remote_capacity, location, online_url, topic, starts_at, ends_at,
    ical_uid, ical_sequence, cancel_reason, cancelled_stage, created_at, updated_at, feedback_delay_minutes, feedback_open_days,
    reminder_minutes`

const createMeetupSQL = `
INSERT INTO meetups (team_id, created_by, title, description, format, audience_id, timezone,
    duration_minutes, capacity, location, online_url, series_id, topic, stage, ical_uid)
SELECT $1, NULLIF($2, '')::uuid, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15
WHERE ($6::uuid IS NULL OR EXISTS (SELECT 1 FROM audiences WHERE id = $6 AND team_id = $1))
  AND ($12::uuid IS NULL OR EXISTS (SELECT 1 FROM series WHERE id = $12 AND team_id = $1))
RETURNING ` + meetupColumns

// CreateMeetup validates and stores a new meetup in the team, with the new series it names if
// any (both or neither); a foreign audience or series is ErrNotFound.
func (s *Store) CreateMeetup(ctx context.Context, teamID, userID string, nm NewMeetup) (Meetup, error) {
	invalid := nm.normalize()
	if nm.NewSeries == "" {
		if invalid != nil {
			return Meetup{}, invalid
		}
		return insertMeetup(ctx, s.DB, teamID, userID, nm)
	}
	var m Meetup
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := withNewSeries(ctx, tx, teamID, userID, nm.NewSeries, &nm, invalid); err != nil {
			return err
		}
		var err error
		m, err = insertMeetup(ctx, tx, teamID, userID, nm)
		return err
	})
	return m, err
}

// insertMeetup stores a validated new meetup.
func insertMeetup(ctx context.Context, q sqlx.QueryerContext, teamID, userID string, nm NewMeetup) (Meetup, error) {
	uid := uuid.NewString() + "@convene"
	var m Meetup
	err := sqlx.GetContext(ctx, q, &m, createMeetupSQL, teamID, userID, nm.Title, nm.Description, nm.Format,
		nm.AudienceID, nm.Timezone, nm.DurationMinutes, nm.Capacity, nm.Location, nm.OnlineURL,
		nm.SeriesID, nm.Topic, nm.Stage, uid)
	return m, mapErr(err)
}

const getMeetupSQL = `SELECT ` + meetupColumns + ` FROM meetups WHERE id = $1 AND team_id = $2`

// GetMeetup returns a meetup of the team; another team's id is ErrNotFound.
func (s *Store) GetMeetup(ctx context.Context, teamID, id string) (Meetup, error) {
	if !IsUUID(id) {
		return Meetup{}, ErrNotFound
	}
	var m Meetup
	err := s.DB.GetContext(ctx, &m, getMeetupSQL, id, teamID)
	return m, mapErr(err)
}

const listMeetupsSQL = `
SELECT ` + meetupColumns + ` FROM meetups
WHERE team_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
ORDER BY created_at DESC, id DESC LIMIT $4`

// ListMeetups returns one page of the team's meetups, newest first, and the next cursor.
func (s *Store) ListMeetups(ctx context.Context, teamID string, p Page) ([]Meetup, string, error) {
	p = p.Normalize()
	ks, err := decodeCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	var at *time.Time
	var id *string
	if ks != nil {
		if !IsUUID(ks.ID) {
			return nil, "", Invalid(FieldErrors{"cursor": "invalid_cursor"})
		}
		at, id = &ks.At, &ks.ID
	}
	out := []Meetup{}
	if err := s.DB.SelectContext(ctx, &out, listMeetupsSQL, teamID, at, id, p.Limit+1); err != nil {
		return nil, "", mapErr(err)
	}
	next := ""
	if len(out) > p.Limit {
		out = out[:p.Limit]
		last := out[len(out)-1]
		next = encodeCursor(last.CreatedAt, last.ID)
	}
	return out, next, nil
}

// IsUUID reports whether s is a well-formed UUID, so bad ids are a 404, not a database error.
func IsUUID(s string) bool {
	_, err := uuid.Parse(s)
	return err == nil && len(s) == 36
}
