package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// PastMeetup is demo data for a meetup that took place: who was invited, said yes, was checked
// in, what they answered, and the confirmed speaker. `convene demo` uses it; nothing else does.
type PastMeetup struct {
	MeetupID  string
	StartsAt  time.Time
	Invited   []string // person ids
	Yes       []string // a subset of Invited
	CheckedIn []string // a subset of Yes
	Answers   []SeedAnswer
	SpeakerID string // confirmed speaker, or ""
	TalkTitle string
	// FeedbackSent marks the form as sent already, so the automatic send leaves the meetup alone.
	FeedbackSent bool
}

// SeedAnswer is one feedback answer of demo data; NPS or Impact 0 means not answered.
type SeedAnswer struct {
	PersonID                    string
	Rating, NPS, Impact         int
	Useful, Improve, NextTopics string
}

const seedTimeSQL = `
UPDATE meetups SET starts_at = $2, ends_at = $2::timestamptz + make_interval(mins => duration_minutes),
    stage = 'scheduled', updated_at = now(),
    feedback_sent_at = CASE WHEN $3 THEN $2::timestamptz + make_interval(mins => duration_minutes + 30) END,
    feedback_closes_at = CASE WHEN $3 THEN $2::timestamptz + make_interval(days => 14) END
WHERE id = $1 AND team_id = $4`

const seedRSVPsSQL = `
INSERT INTO rsvps (meetup_id, person_id, team_id, status, invited_at, answered_at, checked_in_at)
SELECT $1, p, $2, CASE WHEN p = ANY ($5::uuid[]) THEN 'yes' ELSE 'invited' END, $3::timestamptz - interval '10 days',
    CASE WHEN p = ANY ($5::uuid[]) THEN $3::timestamptz - interval '8 days' END,
    CASE WHEN p = ANY ($6::uuid[]) THEN $3::timestamptz + interval '5 minutes' END
FROM unnest($4::uuid[]) p
ON CONFLICT DO NOTHING`

const seedAnswerSQL = `
INSERT INTO feedback (meetup_id, person_id, team_id, rating, nps, impact, useful, improve, next_topics)
VALUES ($1, $2, $3, $4, NULLIF($5, 0), NULLIF($6, 0), $7, $8, $9) ON CONFLICT DO NOTHING`

const seedSpeakerSQL = `
INSERT INTO candidates (team_id, meetup_id, speaker_id, status, talk_title, answer, confirmed_at)
VALUES ($1, $2, $3, 'confirmed', $4, 'yes', now()) ON CONFLICT (meetup_id, speaker_id) DO NOTHING`

// SeedPastMeetup writes demo data for a meetup of the team that took place, in one transaction.
func (s *Store) SeedPastMeetup(ctx context.Context, teamID string, p PastMeetup) error {
	return s.InTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, seedTimeSQL, p.MeetupID, p.StartsAt, p.FeedbackSent, teamID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, seedRSVPsSQL, p.MeetupID, teamID, p.StartsAt, pq.StringArray(p.Invited),
			pq.StringArray(p.Yes), pq.StringArray(p.CheckedIn)); err != nil {
			return err
		}
		if err := s.seedSeats(ctx, tx, p.MeetupID); err != nil {
			return err
		}
		for _, a := range p.Answers {
			if _, err := tx.ExecContext(ctx, seedAnswerSQL, p.MeetupID, a.PersonID, teamID, a.Rating, a.NPS, a.Impact,
				a.Useful, a.Improve, a.NextTopics); err != nil {
				return err
			}
		}
		if p.SpeakerID == "" {
			return nil
		}
		_, err := tx.ExecContext(ctx, seedSpeakerSQL, teamID, p.MeetupID, p.SpeakerID, p.TalkTitle)
		return err
	})
}

// NoCelebrationMail is a CelebrateNotify that sends nothing (demo data of past meetups).
func NoCelebrationMail(context.Context, sqlx.ExtContext, CelebrationNotice) error { return nil }

const backdateCelebrationSQL = `
UPDATE meetups SET celebrated_at = ends_at + interval '1 day'
WHERE id = $1 AND team_id = $2 AND ends_at + interval '1 day' < now()`

// CelebratePast celebrates a past meetup of demo data without mail, dated the day after its end.
func (s *Store) CelebratePast(ctx context.Context, teamID, meetupID string, in CelebrateInput) error {
	if _, err := s.celebrate(ctx, teamID, "", meetupID, in, NoCelebrationMail, true); err != nil {
		return err
	}
	_, err := s.DB.ExecContext(ctx, backdateCelebrationSQL, meetupID, teamID)
	return mapErr(err)
}

// seedSeats makes the seeded meetup's in-person seats and seats those who said yes, as
// scheduling and answering would have, so a walk-in or an answer later finds them whole.
func (s *Store) seedSeats(ctx context.Context, tx *sqlx.Tx, meetupID string) error {
	var capacity int
	if err := tx.GetContext(ctx, &capacity, `SELECT capacity FROM meetups WHERE id = $1`, meetupID); err != nil {
		return mapErr(err)
	}
	if _, err := tx.ExecContext(ctx, addSeatsSQL, meetupID, ModeInPerson, capacity); err != nil {
		return mapErr(err)
	}
	return adoptSeatless(ctx, txq{s, tx}, meetupID, ModeInPerson)
}
