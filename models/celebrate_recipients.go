package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// maxThanksComments is how many "what was useful" comments a speaker's thank-you quotes.
const maxThanksComments = 10

// TalkFeedback is what the audience said about a meetup, as its speakers are told.
type TalkFeedback struct {
	Average *float64 `db:"average"`
	Count   int      `db:"n"`
	Useful  []string `db:"-"`
}

const talkFeedbackSQL = `SELECT round(avg(rating), 2)::float8 AS average, count(*) AS n FROM feedback WHERE meetup_id = $1`

const usefulCommentsSQL = `
SELECT useful FROM feedback WHERE meetup_id = $1 AND useful <> '' AND flagged_at IS NULL
ORDER BY rating DESC, updated_at, person_id LIMIT $2`

// talkFeedback gathers the meetup's average rating, how many rated it and the useful comments
// (flagged ones left out).
func talkFeedback(ctx context.Context, db sqlx.QueryerContext, meetupID string) (TalkFeedback, error) {
	var tf TalkFeedback
	if err := sqlx.GetContext(ctx, db, &tf, talkFeedbackSQL, meetupID); err != nil {
		return tf, mapErr(err)
	}
	tf.Useful = []string{}
	err := sqlx.SelectContext(ctx, db, &tf.Useful, usefulCommentsSQL, meetupID, maxThanksComments)
	return tf, mapErr(err)
}

// CelebratedSpeaker is a confirmed speaker of the meetup, thanked when it is celebrated.
type CelebratedSpeaker struct {
	CandidateID string `db:"candidate_id"`
	SpeakerID   string `db:"speaker_id"`
	Name        string `db:"name"`
	Email       string `db:"email"`
	Lang        string `db:"lang"`
	TalkTitle   string `db:"talk_title"`
}

const celebratedSpeakersSQL = `
SELECT c.id AS candidate_id, c.speaker_id, s.name, s.email, s.language AS lang, c.talk_title
FROM candidates c JOIN speakers s ON s.id = c.speaker_id
WHERE c.meetup_id = $1 AND c.status = 'confirmed' ORDER BY c.created_at, c.id`

// celebratedSpeakers lists the meetup's confirmed speakers.
func celebratedSpeakers(ctx context.Context, db sqlx.QueryerContext, meetupID string) ([]CelebratedSpeaker, error) {
	out := []CelebratedSpeaker{}
	err := sqlx.SelectContext(ctx, db, &out, celebratedSpeakersSQL, meetupID)
	return out, mapErr(err)
}

// RecapRecipient is an attendee who gets the recap.
type RecapRecipient struct {
	PersonID string `db:"person_id"`
	Email    string `db:"email"`
	Name     string `db:"name"`
	Lang     string `db:"lang"`
	TimeZone string `db:"timezone"`
}

const recapRecipientsSQL = `
SELECT p.id AS person_id, p.email, p.name, p.language AS lang, p.timezone
FROM rsvps r JOIN people p ON p.id = r.person_id
WHERE r.meetup_id = $1 AND ` + attendedSQL + ` ORDER BY lower(p.email)`

// recapRecipients lists who attended: checked in, or said yes when nobody was checked in.
func recapRecipients(ctx context.Context, db sqlx.QueryerContext, meetupID string) ([]RecapRecipient, error) {
	out := []RecapRecipient{}
	err := sqlx.SelectContext(ctx, db, &out, recapRecipientsSQL, meetupID)
	return out, mapErr(err)
}

// CelebrationAudience counts who celebrating the meetup would mail: its confirmed speakers and
// its attendees. The caller has checked the meetup is the team's.
func (s *Store) CelebrationAudience(ctx context.Context, meetupID string) (speakers, attendees int, err error) {
	sp, err := celebratedSpeakers(ctx, s.DB, meetupID)
	if err != nil {
		return 0, 0, err
	}
	at, err := recapRecipients(ctx, s.DB, meetupID)
	return len(sp), len(at), err
}
