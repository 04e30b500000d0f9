package models

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// MeetupEdit is a PATCH of a meetup: the descriptive fields of MeetupPatch and, for a scheduled
// meetup, its time. Times are read as scheduling reads them (an offset, or a wall time in the
// meetup's zone with "fold" for an ambiguous one).
type MeetupEdit struct {
	MeetupPatch
	StartsAt *string `json:"starts_at"`
	EndsAt   *string `json:"ends_at"`
	Fold     string  `json:"fold"`
}

// reschedules reports whether e touches the time, place or seats of the meetup.
func (e MeetupEdit) reschedules() bool {
	return e.StartsAt != nil || e.EndsAt != nil || e.Location != nil || e.OnlineURL != nil || e.Capacity != nil
}

// editFieldsSQL writes the descriptive fields only: the time and place of a scheduled meetup go
// through scheduling, which alone raises the SEQUENCE.
const editFieldsSQL = `
UPDATE meetups SET title = $3, description = $4, format = $5, audience_id = $6, timezone = $7,
    duration_minutes = $8, series_id = $9, updated_at = now()
WHERE id = $1 AND team_id = $2`

// EditMeetup applies a PATCH to a meetup of the team (a celebrated one: its timing only). On a meetup not scheduled yet it is
// UpdateMeetup (a time is refused: scheduling sets it). On a scheduled one, a change of time or
// place is a reschedule in the same transaction: the SEQUENCE rises once, the seats follow the
// capacity, the reminders move, and broadcast tells everyone invited what changed; a change of
// the title or description alone mails nothing and keeps the SEQUENCE (only time and place are
// material, MAIL-NOTES.md). Like Schedule it is tried once more after a deadlock or a
// serialization failure (a speaker's confirmation completing the lineup meanwhile): the mails are
// enqueued in the transaction that failed, so the second try sends them once.
func (s *Store) EditMeetup(ctx context.Context, teamID, userID, id string, e MeetupEdit, notify Notifier, broadcast Broadcaster) (Meetup, error) {
	out, err := s.editMeetupTx(ctx, teamID, userID, id, e, notify, broadcast)
	if retryable(err) {
		time.Sleep(retryPause)
		out, err = s.editMeetupTx(ctx, teamID, userID, id, e, notify, broadcast)
	}
	return out, err
}

// editMeetupTx is one try of EditMeetup.
func (s *Store) editMeetupTx(ctx context.Context, teamID, userID, id string, e MeetupEdit, notify Notifier, broadcast Broadcaster) (Meetup, error) {
	var out Meetup
	plain := false
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		if IsUUID(id) && e.reschedules() {
			if err := lockSpeakerSteps(ctx, tx, teamID, id); err != nil {
				return err
			}
		}
		cur, err := lockMeetup(ctx, tx, teamID, id)
		if err != nil {
			return err
		}
		if err := Invalid(e.MeetupTiming.Check()); err != nil {
			return err
		}
		if cur.StartsAt == nil || cur.EndsAt == nil {
			plain = true
			return e.unscheduled()
		}
		if cur.Stage == StageCancelled || cur.Stage == StageDone && !e.onlyTiming() {
			return fmt.Errorf("%w: meetup is %s", ErrConflict, cur.Stage)
		}
		if out, err = s.editScheduled(ctx, tx, userID, cur, e, notify, broadcast); err != nil {
			return err
		}
		if out, err = applyTiming(ctx, tx, out, e.MeetupTiming); err != nil {
			return err
		}
		changed, err := editAudit(cur, out)
		if err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "meetup.update", "meetup:"+id, map[string]any{"edit": changed})
	})
	if err == nil && plain {
		return s.UpdateMeetup(ctx, teamID, userID, id, e.MeetupPatch)
	}
	return out, err
}

// onlyTiming reports whether e changes nothing but the timing: allowed on a celebrated meetup,
// whose feedback form may still be open.
func (e MeetupEdit) onlyTiming() bool {
	p := e.MeetupPatch
	p.MeetupTiming = MeetupTiming{}
	return p == MeetupPatch{} && e.StartsAt == nil && e.EndsAt == nil && e.Fold == ""
}

// unscheduled refuses a time for a meetup never scheduled (scheduling sets it); its place and
// capacity are then a plain update.
func (e MeetupEdit) unscheduled() error {
	fe := FieldErrors{}
	if e.StartsAt != nil {
		fe["starts_at"] = "not_scheduled"
	}
	if e.EndsAt != nil {
		fe["ends_at"] = "not_scheduled"
	}
	return Invalid(fe)
}

// editScheduled writes the descriptive fields (creating the new series named, if any), then
// reschedules and broadcasts the change.
func (s *Store) editScheduled(ctx context.Context, tx *sqlx.Tx, userID string, cur Meetup, e MeetupEdit, notify Notifier, broadcast Broadcaster) (Meetup, error) {
	p := e.MeetupPatch
	p.Location, p.OnlineURL, p.Capacity = nil, nil, nil
	nm := cur.editable()
	p.apply(&nm)
	if err := withNewSeries(ctx, tx, cur.TeamID, userID, e.NewSeries, &nm, nm.normalize()); err != nil {
		return Meetup{}, err
	}
	if err := checkMeetupRefs(ctx, tx, cur.TeamID, nm); err != nil {
		return Meetup{}, err
	}
	if _, err := tx.ExecContext(ctx, editFieldsSQL, cur.ID, cur.TeamID, nm.Title, nm.Description, nm.Format,
		nm.AudienceID, nm.Timezone, nm.DurationMinutes, nm.SeriesID); err != nil {
		return Meetup{}, err
	}
	if !e.reschedules() {
		return MeetupByID(ctx, tx, cur.ID)
	}
	was := cur
	was.Timezone = nm.Timezone
	was.DurationMinutes = nm.DurationMinutes
	if e.DurationMinutes == nil { // a new start keeps the meetup's length
		was.DurationMinutes = int(cur.EndsAt.Sub(*cur.StartsAt) / time.Minute)
	}
	sc, err := e.scheduleInput(cur).check(was)
	if err != nil {
		return Meetup{}, err
	}
	res, err := applySchedule(ctx, txq{s, tx}, was, sc, notify)
	if err != nil || len(res.Changes) == 0 {
		return res.Meetup, err
	}
	return res.Meetup, broadcast(ctx, tx, MeetupChange{Kind: ChangeUpdate, Meetup: res.Meetup, Before: cur,
		Changes: res.Changes, Speakers: res.Speakers})
}

// scheduleInput is the reschedule an edit of cur asks for: what it leaves out stays as it is.
func (e MeetupEdit) scheduleInput(cur Meetup) ScheduleInput {
	in := ScheduleInput{Fold: e.Fold, Location: e.Location, OnlineURL: e.OnlineURL, Capacity: e.Capacity,
		RemoteCapacity: cur.RemoteCapacity, StartsAt: cur.StartsAt.UTC().Format(time.RFC3339)}
	if e.StartsAt != nil {
		in.StartsAt = *e.StartsAt
	}
	if e.EndsAt != nil {
		in.EndsAt = *e.EndsAt
	} else if e.StartsAt == nil {
		in.EndsAt = cur.EndsAt.UTC().Format(time.RFC3339)
	}
	return in
}
