package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// SpeakerHistory is a speaker's record with the team: how often asked, how they answered, talks and ratings.
type SpeakerHistory struct {
	Asked         int        `db:"asked" json:"asked"`
	Answered      int        `db:"answered" json:"answered"`
	Declined      int        `db:"declined" json:"declined"`
	NoReply       int        `db:"no_reply" json:"no_reply"`
	TalksGiven    int        `db:"talks_given" json:"talks_given"`
	TalksUpcoming int        `db:"talks_upcoming" json:"talks_upcoming"`
	Rating        *float64   `db:"rating" json:"rating"`
	Ratings       int        `db:"ratings" json:"ratings"`
	LastAskedAt   *time.Time `db:"last_asked_at" json:"last_asked_at"`
}

const speakerHistoryColumns = `h.asked, h.answered, h.declined, h.no_reply, h.talks_given, h.talks_upcoming,
    h.rating, h.ratings, h.last_asked_at`

// speakerHistoryJoin aggregates a speaker's candidacies; ratings are weighted by how many rated each talk.
const speakerHistoryJoin = `
LEFT JOIN LATERAL (
    SELECT count(c.contacted_at) AS asked,
           count(c.answered_at) AS answered,
           count(*) FILTER (WHERE c.status IN ('declined', 'withdrawn')) AS declined,
           count(*) FILTER (WHERE c.status = 'no_reply') AS no_reply,
           count(*) FILTER (WHERE c.status = 'confirmed' AND m.stage = 'done') AS talks_given,
           count(*) FILTER (WHERE c.status = 'confirmed' AND m.stage NOT IN ('done', 'cancelled')) AS talks_upcoming,
           round(sum(c.rating * c.rating_count) / nullif(sum(c.rating_count) FILTER (WHERE c.rating IS NOT NULL), 0), 2)::float8 AS rating,
           coalesce(sum(c.rating_count) FILTER (WHERE c.rating IS NOT NULL), 0) AS ratings,
           max(c.contacted_at) AS last_asked_at
    FROM candidates c JOIN meetups m ON m.id = c.meetup_id
    WHERE c.speaker_id = s.id
) h ON true`

// SpeakerFilter narrows the directory list.
type SpeakerFilter struct {
	Query     string // part of the name or email, case, accents and surrounding white space aside
	Expertise string // has this tag, case, accents and surrounding white space aside
}

const listSpeakersSQL = `SELECT ` + speakerColumns + `, ` + speakerHistoryColumns + `
FROM speakers s ` + speakerHistoryJoin + `
WHERE s.team_id = $1
  AND ($2 = '' OR s.name_fold LIKE $2 ESCAPE '\' OR s.email_fold LIKE $2 ESCAPE '\')
  AND ($3 = '' OR $3 = ANY (search_fold_each(s.expertise)))
  AND ($4::timestamptz IS NULL OR (s.created_at, s.id) < ($4, $5::uuid))
ORDER BY s.created_at DESC, s.id DESC LIMIT $6`

// ListSpeakers returns one page of the team's speakers with their history, newest first.
func (s *Store) ListSpeakers(ctx context.Context, teamID string, f SpeakerFilter, p Page) ([]Speaker, string, error) {
	p = p.Normalize()
	if err := Invalid(f.problems()); err != nil {
		return nil, "", err
	}
	at, id, err := keysetArgs(p)
	if err != nil {
		return nil, "", err
	}
	out := []Speaker{}
	err = s.DB.SelectContext(ctx, &out, listSpeakersSQL, teamID, searchPattern(f.Query), filterValue(f.Expertise),
		at, id, p.Limit+1)
	if err != nil {
		return nil, "", mapErr(err)
	}
	next := ""
	if len(out) > p.Limit {
		out = out[:p.Limit]
		next = encodeCursor(out[len(out)-1].CreatedAt, out[len(out)-1].ID)
	}
	return out, next, nil
}

// problems names, per query parameter, a filter text that cannot be read.
func (f SpeakerFilter) problems() FieldErrors {
	fe := FieldErrors{}
	for field, v := range map[string]string{"q": f.Query, "expertise": f.Expertise} {
		if k := searchProblem(v); k != "" {
			fe[field] = k
		}
	}
	return fe
}

// keysetArgs decodes a page's cursor into the (created_at, id) it continues after.
func keysetArgs(p Page) (*time.Time, *string, error) {
	ks, err := decodeCursor(p.Cursor)
	if err != nil || ks == nil {
		return nil, nil, err
	}
	if !IsUUID(ks.ID) {
		return nil, nil, Invalid(FieldErrors{"cursor": "invalid_cursor"})
	}
	return &ks.At, &ks.ID, nil
}

const setTalkRatingSQL = `
UPDATE candidates SET rating = $3, rating_count = $4, updated_at = now()
WHERE meetup_id = $1 AND speaker_id = $2 AND status = 'confirmed'`

// SetTalkRating records the rating a confirmed speaker's talk got (for the celebration step).
func SetTalkRating(ctx context.Context, db sqlx.ExecerContext, meetupID, speakerID string, avg float64, count int) error {
	_, err := db.ExecContext(ctx, setTalkRatingSQL, meetupID, speakerID, avg, count)
	return mapErr(err)
}

// RatingValue is the average rating, or 0 when no talk was rated.
func (h SpeakerHistory) RatingValue() float64 {
	if h.Rating == nil {
		return 0
	}
	return *h.Rating
}
