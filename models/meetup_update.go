package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// MeetupPatch changes some of a meetup's descriptive fields; nil fields stay. An empty
// audience_id or series_id clears it. Time is not here: scheduling sets it.
type MeetupPatch struct {
	Title           *string `json:"title"`
	Description     *string `json:"description"`
	Format          *string `json:"format"`
	AudienceID      *string `json:"audience_id"`
	Timezone        *string `json:"timezone"`
	DurationMinutes *int    `json:"duration_minutes"`
	Capacity        *int    `json:"capacity"`
	Location        *string `json:"location"`
	OnlineURL       *string `json:"online_url"`
	SeriesID        *string `json:"series_id"`
	// NewSeries names a series to create with the change, in its transaction; it wins over SeriesID.
	NewSeries string `json:"-"`
	MeetupTiming
}

// apply copies the set fields onto nm and names them.
func (mp MeetupPatch) apply(nm *NewMeetup) []string {
	var changed []string
	str := func(name string, dst, v *string) {
		if v != nil {
			*dst, changed = *v, append(changed, name)
		}
	}
	num := func(name string, dst, v *int) {
		if v != nil {
			*dst, changed = *v, append(changed, name)
		}
	}
	ref := func(name string, dst **string, v *string) {
		if v != nil {
			*dst, changed = v, append(changed, name)
		}
	}
	str("title", &nm.Title, mp.Title)
	str("description", &nm.Description, mp.Description)
	str("format", &nm.Format, mp.Format)
	str("timezone", &nm.Timezone, mp.Timezone)
	str("location", &nm.Location, mp.Location)
	str("online_url", &nm.OnlineURL, mp.OnlineURL)
	num("duration_minutes", &nm.DurationMinutes, mp.DurationMinutes)
	num("capacity", &nm.Capacity, mp.Capacity)
	ref("audience_id", &nm.AudienceID, mp.AudienceID)
	ref("series_id", &nm.SeriesID, mp.SeriesID)
	return changed
}

// editable is the part of a meetup a patch starts from.
func (m Meetup) editable() NewMeetup {
	return NewMeetup{Title: m.Title, Description: m.Description, Format: m.Format, AudienceID: m.AudienceID,
		Timezone: m.Timezone, DurationMinutes: m.DurationMinutes, Capacity: m.Capacity, Location: m.Location,
		OnlineURL: m.OnlineURL, SeriesID: m.SeriesID, Stage: m.Stage, Topic: m.Topic}
}

// A material change to a scheduled meetup raises its iCalendar SEQUENCE.
const updateMeetupSQL = `
UPDATE meetups SET title = $3, description = $4, format = $5, audience_id = $6, timezone = $7,
    duration_minutes = $8, capacity = $9, location = $10, online_url = $11, series_id = $12, updated_at = now(),
    ical_sequence = ical_sequence + CASE WHEN starts_at IS NOT NULL AND (title, description, timezone,
        duration_minutes, location, online_url) IS DISTINCT FROM ($3, $4, $7, $8, $10, $11) THEN 1 ELSE 0 END
WHERE id = $1 AND team_id = $2
RETURNING ` + meetupColumns

// UpdateMeetup applies a patch to a meetup of the team, validating the result.
func (s *Store) UpdateMeetup(ctx context.Context, teamID, userID, id string, mp MeetupPatch) (Meetup, error) {
	var out Meetup
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		cur, err := lockMeetup(ctx, tx, teamID, id)
		if err != nil {
			return err
		}
		if err := Invalid(mp.MeetupTiming.Check()); err != nil {
			return err
		}
		nm := cur.editable()
		changed := append(mp.apply(&nm), mp.MeetupTiming.names()...)
		if err := withNewSeries(ctx, tx, teamID, userID, mp.NewSeries, &nm, nm.normalize()); err != nil {
			return err
		}
		if err := checkMeetupRefs(ctx, tx, teamID, nm); err != nil {
			return err
		}
		err = tx.GetContext(ctx, &out, updateMeetupSQL, id, teamID, nm.Title, nm.Description, nm.Format, nm.AudienceID,
			nm.Timezone, nm.DurationMinutes, nm.Capacity, nm.Location, nm.OnlineURL, nm.SeriesID)
		if err != nil {
			return err
		}
		if out, err = applyTiming(ctx, tx, out, mp.MeetupTiming); err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "meetup.update", "meetup:"+id, map[string]any{"fields": changed})
	})
	return out, err
}

// lockMeetup reads a meetup of the team for update.
func lockMeetup(ctx context.Context, tx *sqlx.Tx, teamID, id string) (Meetup, error) {
	var m Meetup
	if !IsUUID(id) {
		return m, ErrNotFound
	}
	err := tx.GetContext(ctx, &m, getMeetupSQL+" FOR UPDATE", id, teamID)
	return m, err
}

const meetupRefsSQL = `
SELECT ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM audiences WHERE id = $1 AND team_id = $3)) AS audience_ok,
       ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM series WHERE id = $2 AND team_id = $3)) AS series_ok`

// checkMeetupRefs turns an audience or series of another team (or none) into field errors.
func checkMeetupRefs(ctx context.Context, tx sqlx.QueryerContext, teamID string, nm NewMeetup) error {
	var ok struct {
		Audience bool `db:"audience_ok"`
		Series   bool `db:"series_ok"`
	}
	if err := sqlx.GetContext(ctx, tx, &ok, meetupRefsSQL, nm.AudienceID, nm.SeriesID, teamID); err != nil {
		return err
	}
	fe := FieldErrors{}
	if !ok.Audience {
		fe["audience_id"] = "not_found"
	}
	if !ok.Series {
		fe["series_id"] = "not_found"
	}
	return Invalid(fe)
}
