package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// A confirmed speaker keeps one event of a meetup in their calendar: their talk's
// (speaker-<candidate>@convene), which the speaker mails send, update and cancel. Their invitation
// to the meetup as a speaker carries no calendar, so the meetup's own event (its UID) is held only
// by someone who was sent its REQUEST last: the audience, a speaker invited as an attendee before
// they spoke, or one invited before invitations to speakers went without it.

// meetupEventKinds are the outbox kinds whose calendar part is the meetup's own event.
const meetupEventKinds = `('invite', 'update', 'cancel', 'speaker_still_invited', 'speaker_uninvited')`

// holdsEventSQL says whether the last mail of the meetup's own event sent to the person whose id
// is the SQL expression person about meetup $1 was its REQUEST (so their calendar holds it); false
// when none was sent.
func holdsEventSQL(person string) string {
	return `COALESCE((SELECT o.ics_method = 'REQUEST' FROM outbox o
        WHERE o.meetup_id = $1 AND o.person_id = ` + person + ` AND o.kind IN ` + meetupEventKinds + `
          AND o.ics_method IS NOT NULL
        ORDER BY o.created_at DESC LIMIT 1), false)`
}

// HoldsMeetupEvent reports whether person's calendar holds the meetup's own event: the last mail
// of it they were sent was its REQUEST.
func HoldsMeetupEvent(ctx context.Context, q sqlx.QueryerContext, meetupID, personID string) (bool, error) {
	var held bool
	err := sqlx.GetContext(ctx, q, &held, `SELECT `+holdsEventSQL("$2"), meetupID, personID)
	return held, mapErr(err)
}

// SpeakerInvitee is a person invited to a meetup as a speaker, as its broadcasts see them.
type SpeakerInvitee struct {
	PersonID string `db:"person_id"`
	// Confirmed: a confirmed speaker of the meetup now, with their slot of the lineup: the speaker
	// mails tell them of a reschedule or a cancellation, with their talk's event (slotSpeakersSQL).
	Confirmed bool `db:"confirmed"`
	// HoldsEvent: their calendar holds the meetup's own event too (HoldsMeetupEvent).
	HoldsEvent bool `db:"holds_event"`
}

// speakerInviteesSQL lists the meetup's RSVPs with the role speaker (meetup $1).
var speakerInviteesSQL = `
SELECT r.person_id,
    EXISTS (SELECT 1 FROM candidates c` + speakerPersonJoin + `
        WHERE c.meetup_id = $1 AND c.status = 'confirmed' AND c.lineup_slot_id IS NOT NULL AND p.id = r.person_id) AS confirmed,
    ` + holdsEventSQL("r.person_id") + ` AS holds_event
FROM rsvps r WHERE r.meetup_id = $1 AND r.role = 'speaker'`

// SpeakerInvitees returns the meetup's people invited as speakers, by person id.
func SpeakerInvitees(ctx context.Context, q sqlx.QueryerContext, meetupID string) (map[string]SpeakerInvitee, error) {
	var rows []SpeakerInvitee
	if err := sqlx.SelectContext(ctx, q, &rows, speakerInviteesSQL, meetupID); err != nil {
		return nil, mapErr(err)
	}
	out := make(map[string]SpeakerInvitee, len(rows))
	for _, r := range rows {
		out[r.PersonID] = r
	}
	return out, nil
}
