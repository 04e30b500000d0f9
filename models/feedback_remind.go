package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// feedbackRemindBatch is how many reminders one transaction claims.
const feedbackRemindBatch = 500

// claimFeedbackRemindersSQL claims the requests due a reminder by database time: mailed at least
// $1 seconds ago, never reminded, no answer, the form still open and the meetup not cancelled.
// Row locks (SKIP LOCKED) and reminded_at make each reminder go once across replicas.
const claimFeedbackRemindersSQL = `
WITH due AS (
    SELECT r.meetup_id, r.person_id FROM feedback_requests r JOIN meetups m ON m.id = r.meetup_id
    WHERE r.reminded_at IS NULL AND r.sent_at <= now() - make_interval(secs => $1)
      AND m.feedback_closes_at > now() AND m.stage <> 'cancelled'
      AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.meetup_id = r.meetup_id AND f.person_id = r.person_id)
    ORDER BY r.meetup_id LIMIT $2
    FOR UPDATE OF r SKIP LOCKED
)
UPDATE feedback_requests r SET reminded_at = now()
FROM due, people p
WHERE r.meetup_id = due.meetup_id AND r.person_id = due.person_id AND p.id = r.person_id
RETURNING r.meetup_id, p.id, p.email, p.name, p.language, p.timezone`

// windowSQL reads a meetup's feedback window.
const windowSQL = `SELECT feedback_sent_at, feedback_closes_at FROM meetups WHERE id = $1`

// RemindDueFeedback mails the one reminder to everyone whose reminder is due, and returns how many
// it reminded. The serve loop calls it beside SendDueFeedback.
func (s *Store) RemindDueFeedback(ctx context.Context, lk *Linker, mail FeedbackMail) (int, error) {
	total := 0
	for ctx.Err() == nil {
		n, err := s.remindFeedbackBatch(ctx, lk, mail)
		total += n
		if err != nil || n < feedbackRemindBatch {
			return total, err
		}
	}
	return total, ctx.Err()
}

// remindFeedbackBatch claims up to a batch of due reminders and mails them, meetup by meetup.
func (s *Store) remindFeedbackBatch(ctx context.Context, lk *Linker, mail FeedbackMail) (int, error) {
	n := 0
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		var rows []struct {
			MeetupID string `db:"meetup_id"`
			FeedbackRecipient
		}
		if err := tx.SelectContext(ctx, &rows, claimFeedbackRemindersSQL, FeedbackRemindAfter.Seconds(), feedbackRemindBatch); err != nil {
			return mapErr(err)
		}
		n = len(rows)
		byMeetup := map[string][]FeedbackRecipient{}
		var order []string
		for _, r := range rows {
			if byMeetup[r.MeetupID] == nil {
				order = append(order, r.MeetupID)
			}
			byMeetup[r.MeetupID] = append(byMeetup[r.MeetupID], r.FeedbackRecipient)
		}
		for _, id := range order {
			if err := remindMeetup(ctx, tx, lk, id, byMeetup[id], mail); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

// remindMeetup hands one meetup's reminders to mail.
func remindMeetup(ctx context.Context, tx *sqlx.Tx, lk *Linker, meetupID string, rs []FeedbackRecipient, mail FeedbackMail) error {
	m, err := MeetupByID(ctx, tx, meetupID)
	if err != nil {
		return err
	}
	var w FeedbackWindow
	if err := tx.GetContext(ctx, &w, windowSQL, meetupID); err != nil {
		return mapErr(err)
	}
	return mailFeedback(ctx, tx, lk, m, w, rs, MailFeedbackReminder, mail)
}
