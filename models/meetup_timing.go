package models

import (
	"context"
	"slices"

	"github.com/jmoiron/sqlx"
)

// Bounds of a meetup's timing settings.
const (
	MaxFeedbackDelayMinutes = 7 * 24 * 60
	MaxFeedbackOpenDays     = 60
)

// MeetupTiming changes when a meetup's mails go: the feedback form's delay after the end, how
// many days the form stays open, and the reminders (minutes before the start). Nil fields stay.
type MeetupTiming struct {
	FeedbackDelayMinutes *int   `json:"feedback_delay_minutes"`
	FeedbackOpenDays     *int   `json:"feedback_open_days"`
	ReminderMinutes      *[]int `json:"reminder_minutes"`
}

// set reports whether the timing changes anything.
func (t MeetupTiming) set() bool {
	return t.FeedbackDelayMinutes != nil || t.FeedbackOpenDays != nil || t.ReminderMinutes != nil
}

// names lists the fields the timing changes, for the audit log.
func (t MeetupTiming) names() []string {
	var out []string
	if t.FeedbackDelayMinutes != nil {
		out = append(out, "feedback_delay_minutes")
	}
	if t.FeedbackOpenDays != nil {
		out = append(out, "feedback_open_days")
	}
	if t.ReminderMinutes != nil {
		out = append(out, "reminder_minutes")
	}
	return out
}

// Check returns the field errors of the timing (none when it is valid).
func (t MeetupTiming) Check() FieldErrors {
	fe := FieldErrors{}
	if d := t.FeedbackDelayMinutes; d != nil {
		checkBetween(fe, "feedback_delay_minutes", *d, 0, MaxFeedbackDelayMinutes)
	}
	if d := t.FeedbackOpenDays; d != nil {
		checkBetween(fe, "feedback_open_days", *d, 1, MaxFeedbackOpenDays)
	}
	rem := FieldErrors{}
	checkReminders(rem, t.ReminderMinutes)
	if k, ok := rem["reminders"]; ok {
		fe["reminder_minutes"] = k
	}
	return fe
}

// sortedReminders is the reminders without repeats, the earliest first.
func sortedReminders(v []int) []int {
	out := slices.Clone(v)
	slices.Sort(out)
	slices.Reverse(out)
	return slices.Compact(out)
}

// setTimingSQL writes the timing; a form already sent closes its open days after it was sent.
const setTimingSQL = `
UPDATE meetups SET feedback_delay_minutes = coalesce($2, feedback_delay_minutes),
    feedback_open_days = coalesce($3, feedback_open_days),
    feedback_closes_at = CASE WHEN $3::int IS NOT NULL AND feedback_sent_at IS NOT NULL
        THEN feedback_sent_at + make_interval(days => $3) ELSE feedback_closes_at END,
    reminder_minutes = coalesce($4::int[], reminder_minutes), updated_at = now()
WHERE id = $1
RETURNING ` + meetupColumns

// applyTiming writes the timing of the locked meetup m; new reminders of a scheduled meetup are
// armed for its start at once (pending ones move, dropped ones go).
func applyTiming(ctx context.Context, tx *sqlx.Tx, m Meetup, t MeetupTiming) (Meetup, error) {
	if !t.set() {
		return m, nil
	}
	var rem any
	if t.ReminderMinutes != nil {
		rem = intArray(sortedReminders(*t.ReminderMinutes))
	}
	var out Meetup
	if err := tx.GetContext(ctx, &out, setTimingSQL, m.ID, t.FeedbackDelayMinutes, t.FeedbackOpenDays, rem); err != nil {
		return m, mapErr(err)
	}
	if t.ReminderMinutes == nil || out.StartsAt == nil {
		return out, nil
	}
	return out, armReminders(ctx, tx, m.ID, nil)
}
