package models

import (
	"context"
	"time"
)

// TrendPoint is one past meetup of a series: who came, how many came back, how it was rated.
type TrendPoint struct {
	MeetupID    string     `db:"id" json:"meetup_id"`
	Title       string     `db:"title" json:"title"`
	StartsAt    *time.Time `db:"starts_at" json:"starts_at"`
	Timezone    string     `db:"timezone" json:"-"`
	Attendance  int        `db:"attendance" json:"attendance"`
	CheckedIn   bool       `db:"checked_in" json:"from_check_in"`
	Repeat      int        `db:"repeat" json:"repeat_attendees"`
	New         int        `db:"-" json:"new_faces"`
	RepeatShare *float64   `db:"-" json:"repeat_share"`
	Rating      *float64   `db:"rating" json:"average_rating"`
	Ratings     int        `db:"ratings" json:"ratings"`
}

// Trend is a series' meetups so far, earliest first, and whether the series is fading.
type Trend struct {
	Points []TrendPoint `json:"meetups"`
	Fading Fading       `json:"fading"`
}

// seriesTrendSQL takes the series' meetups that have started (not cancelled), their attendees
// (attendedSQL), and counts those who attended an earlier meetup of the series as repeats.
const seriesTrendSQL = `
WITH ms AS (
    SELECT id, title, starts_at, timezone FROM meetups
    WHERE series_id = $1 AND team_id = $2 AND stage <> 'cancelled' AND starts_at IS NOT NULL AND starts_at <= now()
), att AS (
    SELECT r.meetup_id, r.person_id, ms.starts_at FROM rsvps r JOIN ms ON ms.id = r.meetup_id
    WHERE ` + attendedSQL + `
)
SELECT ms.id, ms.title, ms.starts_at, ms.timezone,
    (SELECT count(*) FROM att a WHERE a.meetup_id = ms.id) AS attendance,
    EXISTS (SELECT 1 FROM rsvps x WHERE x.meetup_id = ms.id AND x.role = 'attendee' AND x.checked_in_at IS NOT NULL) AS checked_in,
    (SELECT count(*) FROM att a WHERE a.meetup_id = ms.id
        AND EXISTS (SELECT 1 FROM att b WHERE b.person_id = a.person_id AND b.starts_at < a.starts_at)) AS repeat,
    (SELECT round(avg(f.rating), 2)::float8 FROM feedback f WHERE f.meetup_id = ms.id) AS rating,
    (SELECT count(*) FROM feedback f WHERE f.meetup_id = ms.id) AS ratings
FROM ms ORDER BY ms.starts_at, ms.id LIMIT 500`

// SeriesTrend computes the trend of a series of the team; another team's id is ErrNotFound.
func (s *Store) SeriesTrend(ctx context.Context, teamID, seriesID string) (Trend, error) {
	if _, err := s.GetSeries(ctx, teamID, seriesID); err != nil {
		return Trend{}, err
	}
	pts := []TrendPoint{}
	if err := s.DB.SelectContext(ctx, &pts, seriesTrendSQL, seriesID, teamID); err != nil {
		return Trend{}, mapErr(err)
	}
	for i := range pts {
		pts[i].New = pts[i].Attendance - pts[i].Repeat
		pts[i].RepeatShare = Percent(pts[i].Repeat, pts[i].Attendance)
	}
	return Trend{Points: pts, Fading: FadingOf(pts)}, nil
}
