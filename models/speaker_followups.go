package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// FollowUpRun counts what one pass over the due candidates did.
type FollowUpRun struct {
	FollowedUp int
	NoReply    int
}

// claimDueFollowUpsSQL claims silent candidates whose due time has come, by database time, skipping rows
// another replica holds. The first time a follow-up is due; the second time they become no_reply.
const claimDueFollowUpsSQL = `
UPDATE candidates c SET
    follow_ups = 1,
    status = CASE WHEN c.follow_ups = 0 THEN c.status ELSE 'no_reply' END,
    due_at = CASE WHEN c.follow_ups = 0 THEN now() + make_interval(days => coalesce(
        (SELECT follow_up_days FROM speaker_settings st WHERE st.meetup_id = c.meetup_id), 4)) END,
    updated_at = now()
WHERE c.id IN (
    SELECT id FROM candidates
    WHERE due_at <= now() AND status = 'contacted'
        AND meetup_id IN (SELECT id FROM meetups WHERE stage NOT IN ('cancelled', 'done'))
    ORDER BY due_at LIMIT $1
    FOR UPDATE SKIP LOCKED
)
RETURNING c.id, c.team_id, c.meetup_id, c.status = 'contacted' AS follow_up`

// RunDueFollowUps does the scheduled outreach work that is due: one follow-up to each candidate
// silent for the meetup's follow-up days (default 4), and no_reply for those still silent as long
// again. Each follow-up mail is handed to notify in the claiming transaction, so it fires once
// across replicas. The serve loop calls this every minute or so (see handlers.RunSpeakerWork).
func (s *Store) RunDueFollowUps(ctx context.Context, limit int, notify NotifyFunc) (FollowUpRun, error) {
	var run FollowUpRun
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		run = FollowUpRun{}
		var rows []struct {
			ID       string `db:"id"`
			TeamID   string `db:"team_id"`
			MeetupID string `db:"meetup_id"`
			FollowUp bool   `db:"follow_up"`
		}
		if err := sqlx.SelectContext(ctx, tx, &rows, claimDueFollowUpsSQL, limit); err != nil {
			return mapErr(err)
		}
		for _, r := range rows {
			if !r.FollowUp {
				run.NoReply++
				continue
			}
			run.FollowedUp++
			if err := send(ctx, tx, notify, NoticeFollowUp, r.TeamID, r.MeetupID, r.ID); err != nil {
				return err
			}
		}
		return nil
	})
	return run, err
}

const setFollowUpDaysSQL = `
WITH st AS (
    INSERT INTO speaker_settings (meetup_id, follow_up_days)
    SELECT id, $3 FROM meetups WHERE id = $1 AND team_id = $2
    ON CONFLICT (meetup_id) DO UPDATE SET follow_up_days = EXCLUDED.follow_up_days
    RETURNING meetup_id
)
UPDATE candidates c SET due_at = coalesce(c.contacted_at, now()) + make_interval(days => $3 * (c.follow_ups + 1))
FROM st WHERE c.meetup_id = st.meetup_id AND c.status = 'contacted' AND c.due_at IS NOT NULL`

// SetFollowUpDays sets how many silent days bring a follow-up for a meetup and reschedules the pending ones.
func (s *Store) SetFollowUpDays(ctx context.Context, teamID, meetupID string, days int) error {
	fe := FieldErrors{}
	if checkBetween(fe, "follow_up_days", days, 1, 60); len(fe) > 0 {
		return Invalid(fe)
	}
	if _, err := s.GetMeetup(ctx, teamID, meetupID); err != nil {
		return err
	}
	return s.InTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockMeetupOpen(ctx, tx, teamID, meetupID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, setFollowUpDaysSQL, meetupID, teamID, days)
		return mapErr(err)
	})
}

const followUpDaysSQL = `SELECT coalesce((SELECT follow_up_days FROM speaker_settings WHERE meetup_id = $1), 4)`

// FollowUpDays returns a meetup's follow-up delay in days.
func (s *Store) FollowUpDays(ctx context.Context, meetupID string) (int, error) {
	var d int
	err := s.DB.GetContext(ctx, &d, followUpDaysSQL, meetupID)
	return d, mapErr(err)
}
