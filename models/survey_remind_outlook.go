package models

import (
	"context"
	"time"
)

// ReminderOutlook says whom a survey reminder would reach now and, when nobody, why and when.
type ReminderOutlook struct {
	// Now is how many a reminder would reach now (CountRemindable).
	Now int `db:"now" json:"now"`
	// Waiting have not answered and may get a reminder, but their last survey mail is too recent.
	Waiting int `db:"waiting" json:"waiting"`
	// NextAt is when the first of the waiting can be reminded (rounded up to the minute), or nil.
	NextAt *time.Time `db:"next_at" json:"next_at"`
	// NextCount is how many of the waiting can be reminded at NextAt.
	NextCount int `db:"next_count" json:"next_count"`
	// Exhausted have not answered and have had both reminders.
	Exhausted int `db:"exhausted" json:"exhausted"`
}

// reminderOutlookSQL reads, for the mailed invitees of meetup $1 (of team $3) who have not
// answered, when each can next be reminded (their last survey mail + $2 seconds, as
// remindableWhere), and counts them by now, later and never.
const reminderOutlookSQL = `
WITH w AS (
    SELECT coalesce(i.reminded_at, i.sent_at) + make_interval(secs => $2) AS due, i.reminders
    FROM survey_invites i
    WHERE i.meetup_id = $1 AND coalesce(i.reminded_at, i.sent_at) IS NOT NULL
      AND EXISTS (SELECT 1 FROM meetups WHERE id = $1 AND team_id = $3)
      AND NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r.meetup_id = i.meetup_id AND r.person_id = i.person_id)
), n AS (
    SELECT date_trunc('minute', min(due) - interval '1 microsecond') + interval '1 minute' AS next_at
    FROM w WHERE reminders < 2 AND due > now()
)
SELECT count(*) FILTER (WHERE w.reminders < 2 AND w.due <= now()) AS now,
       count(*) FILTER (WHERE w.reminders < 2 AND w.due > now()) AS waiting,
       n.next_at,
       count(*) FILTER (WHERE w.reminders < 2 AND w.due > now() AND w.due <= n.next_at) AS next_count,
       count(*) FILTER (WHERE w.reminders >= 2) AS exhausted
FROM n LEFT JOIN w ON true GROUP BY n.next_at`

// RemindOutlook tells whom RemindSurvey with the same gap would reach now, and when nobody,
// how many wait for the gap to pass (and when the first of them can be reminded) or have had
// both reminders.
func (s *Store) RemindOutlook(ctx context.Context, teamID, meetupID string, gap time.Duration) (ReminderOutlook, error) {
	var o ReminderOutlook
	if !IsUUID(meetupID) {
		return o, ErrNotFound
	}
	err := s.DB.GetContext(ctx, &o, reminderOutlookSQL, meetupID, gap.Seconds(), teamID)
	return o, mapErr(err)
}
