package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// feedbackMeetup is a meetup locked for a send, with its feedback state read by database time.
type feedbackMeetup struct {
	Meetup
	SentAt   *time.Time `db:"feedback_sent_at"`
	ClosesAt *time.Time `db:"feedback_closes_at"`
	Started  bool       `db:"started"`
	Closed   bool       `db:"closed"`
}

const lockFeedbackMeetupSQL = `
SELECT ` + meetupColumns + `, feedback_sent_at, feedback_closes_at,
    coalesce(starts_at <= now(), false) AS started, coalesce(feedback_closes_at <= now(), false) AS closed
FROM meetups WHERE id = $1 AND team_id = $2 FOR UPDATE`

// claimDueFeedbackSQL claims one meetup whose form is due by database time: ended the meetup's
// delay ago (but not longer ago than the late limit, $1 seconds), never sent, not cancelled.
// A replica running it at the same moment skips the locked row; once committed it is no longer due.
const claimDueFeedbackSQL = `
SELECT id, team_id FROM meetups
WHERE feedback_sent_at IS NULL AND stage NOT IN ('cancelled', 'audience', 'survey') AND ends_at IS NOT NULL
  AND ends_at + make_interval(mins => feedback_delay_minutes) <= now()
  AND ends_at + make_interval(mins => feedback_delay_minutes) > now() - make_interval(secs => $1)
  AND NOT (id = ANY(coalesce($2::uuid[], '{}')))
ORDER BY ends_at LIMIT 1
FOR UPDATE SKIP LOCKED`

// feedbackForWhere picks the RSVPs (r) of meetup $1 the form is for: those who came
// (attendedSQL: checked in when the meetup has any check-in, else those who said yes; an author
// of an answer has the form already). Speakers get a thank-you instead (the celebration).
const feedbackForWhere = `r.meetup_id = $1 AND ` + attendedSQL

// feedbackAudienceSQL records a request for everyone the form is for and not sent yet, and returns them.
const feedbackAudienceSQL = `
WITH ins AS (
    INSERT INTO feedback_requests (meetup_id, person_id, team_id)
    SELECT r.meetup_id, r.person_id, r.team_id FROM rsvps r WHERE ` + feedbackForWhere + `
    ON CONFLICT DO NOTHING
    RETURNING person_id
)
SELECT p.id, p.email, p.name, p.language, p.timezone FROM ins JOIN people p ON p.id = ins.person_id
ORDER BY p.email`

// openFeedbackSQL marks the form sent (the first time) and sets when it closes.
const openFeedbackSQL = `
UPDATE meetups SET feedback_sent_at = coalesce(feedback_sent_at, now()),
    feedback_closes_at = coalesce(feedback_closes_at, now() + make_interval(days => feedback_open_days))
WHERE id = $1
RETURNING feedback_sent_at, feedback_closes_at`

// SendFeedback mails the form by hand to everyone it is for and not mailed yet, and returns how
// many it mailed. The meetup must have started, not be cancelled, and its form not be closed.
func (s *Store) SendFeedback(ctx context.Context, lk *Linker, teamID, userID, meetupID string, mail FeedbackMail) (int, error) {
	if !IsUUID(meetupID) {
		return 0, ErrNotFound
	}
	var n int
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		var fm feedbackMeetup
		if err := tx.GetContext(ctx, &fm, lockFeedbackMeetupSQL, meetupID, teamID); err != nil {
			return mapErr(err)
		}
		if err := fm.sendable(); err != nil {
			return err
		}
		var err error
		if n, err = sendFeedbackTx(ctx, tx, lk, fm.Meetup, mail); err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "feedback.send", "meetup:"+meetupID, map[string]any{"mailed": n})
	})
	return n, err
}

// sendable says why a form cannot go out by hand now, or nil.
func (fm feedbackMeetup) sendable() error {
	switch {
	case fm.Stage == StageCancelled:
		return ErrFeedbackCancelled
	case fm.StartsAt == nil:
		return ErrFeedbackNotScheduled
	case !fm.Started:
		return ErrFeedbackNotStarted
	case fm.Closed:
		return ErrFeedbackClosed
	}
	return nil
}

// sendFeedbackTx opens the form of a locked meetup, records a request per new recipient and
// hands their mails (with personal links) to mail.
func sendFeedbackTx(ctx context.Context, tx *sqlx.Tx, lk *Linker, m Meetup, mail FeedbackMail) (int, error) {
	var w FeedbackWindow
	if err := tx.GetContext(ctx, &w, openFeedbackSQL, m.ID); err != nil {
		return 0, mapErr(err)
	}
	var rs []FeedbackRecipient
	if err := tx.SelectContext(ctx, &rs, feedbackAudienceSQL, m.ID); err != nil {
		return 0, mapErr(err)
	}
	return len(rs), mailFeedback(ctx, tx, lk, m, w, rs, MailFeedback, mail)
}

// mailFeedback makes every recipient's personal link (one statement) and hands the mails of
// that kind to the outbox in one call.
func mailFeedback(ctx context.Context, tx *sqlx.Tx, lk *Linker, m Meetup, w FeedbackWindow, rs []FeedbackRecipient, kind string, mail FeedbackMail) error {
	if len(rs) == 0 {
		return nil
	}
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.PersonID
	}
	tokens, err := lk.EnsureMany(ctx, tx, m.TeamID, PurposeFeedback, m.ID, ids)
	if err != nil {
		return err
	}
	for i := range rs {
		rs[i].Token, rs[i].Kind = tokens[rs[i].PersonID], kind
		rs[i].Key = fmt.Sprintf("%s:%s:%s", kind, m.ID, rs[i].PersonID)
	}
	return mail(ctx, tx, m, w, rs)
}

// SendDueFeedback sends the form of every meetup whose time has come, one meetup per
// transaction, once across replicas and by database time; it returns how many meetups it sent
// and how many people it mailed. A meetup whose send fails is left for the next pass and does
// not hold up the others; the failures are returned together.
func (s *Store) SendDueFeedback(ctx context.Context, lk *Linker, mail FeedbackMail) (meetups, mailed int, err error) {
	var failed []string
	var errs []error
	for ctx.Err() == nil {
		id, n, err := s.sendOneDueFeedback(ctx, lk, mail, failed)
		switch {
		case id == "":
			return meetups, mailed, errors.Join(append(errs, err)...)
		case err != nil:
			failed = append(failed, id)
			errs = append(errs, fmt.Errorf("feedback of meetup %s: %w", id, err))
		default:
			meetups, mailed = meetups+1, mailed+n
		}
	}
	return meetups, mailed, errors.Join(append(errs, ctx.Err())...)
}

// sendOneDueFeedback claims one due meetup (not one of skip) and sends its form; id is "" when
// none is due.
func (s *Store) sendOneDueFeedback(ctx context.Context, lk *Linker, mail FeedbackMail, skip []string) (id string, n int, err error) {
	err = s.InTx(ctx, func(tx *sqlx.Tx) error {
		var due struct {
			ID     string `db:"id"`
			TeamID string `db:"team_id"`
		}
		err := tx.GetContext(ctx, &due, claimDueFeedbackSQL, FeedbackLateLimit.Seconds(), pq.StringArray(skip))
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return mapErr(err)
		}
		id = due.ID
		m, err := MeetupByID(ctx, tx, due.ID)
		if err != nil {
			return err
		}
		if n, err = sendFeedbackTx(ctx, tx, lk, m, mail); err != nil {
			return err
		}
		return Audit(ctx, tx, due.TeamID, "", "feedback.send", "meetup:"+due.ID, map[string]any{"mailed": n, "by": "schedule"})
	})
	return id, n, err
}
