package models

import "time"

// ErrMeetupOver refuses an invitation send for a meetup that has ended (or is done): nobody is
// invited to something in the past.
var ErrMeetupOver = Invalid(FieldErrors{"meetup": "meetup_over"})

// InvitationsClosed says why a send of m's invitations would be refused now: ErrNotScheduled
// (no date, or cancelled), ErrMeetupOver (done, or its end has passed), or nil.
func InvitationsClosed(m Meetup, now time.Time) error {
	switch {
	case m.StartsAt == nil || m.EndsAt == nil || m.Stage == StageCancelled:
		return ErrNotScheduled
	case m.Stage == StageDone || !m.EndsAt.After(now):
		return ErrMeetupOver
	}
	return nil
}
