package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// speakerPersonJoin joins a candidate c to its speaker s and to the speaker's person p of the
// team's directory: by the speaker's link to a person, else by e-mail (at most one person).
const speakerPersonJoin = `
    JOIN speakers s ON s.id = c.speaker_id
    JOIN people p ON p.team_id = c.team_id AND (p.id = s.person_id OR (s.person_id IS NULL AND lower(p.email) = lower(s.email)))`

// speakerPeopleSQL selects the meetup's confirmed speakers who are in the team's directory
// (speakerPersonJoin), once each with their talk; meetup is the parameter holding the meetup's id.
func speakerPeopleSQL(meetup string) string {
	return `SELECT DISTINCT ON (p.id) p.id AS person_id, c.talk_title
    FROM candidates c` + speakerPersonJoin + `
    WHERE c.meetup_id = ` + meetup + ` AND c.status = 'confirmed'
    ORDER BY p.id, c.confirmed_at`
}

// inviteSpeakersSQL records the meetup's confirmed speakers as invited with the role speaker,
// and returns those not invited as speakers before, each saying whether their calendar holds the
// meetup's own event (invited as an attendee before they spoke). Their answer stays open: a
// speaker answers on their RSVP page like anyone, so the seats stay exact. A walk-in is not invited.
var inviteSpeakersSQL = `
WITH sp AS (` + speakerPeopleSQL("$1") + `
), ins AS (
    INSERT INTO rsvps (meetup_id, person_id, team_id, role, invited_at)
    SELECT $1, person_id, $2, 'speaker', now() FROM sp
    ON CONFLICT (meetup_id, person_id) DO UPDATE SET role = 'speaker', invited_at = now(), updated_at = now()
        WHERE (rsvps.invited_at IS NULL OR rsvps.role <> 'speaker') AND NOT rsvps.walk_in
    RETURNING person_id
)
SELECT p.id, p.email, p.name, p.language, p.timezone, true AS speaker, sp.talk_title,
    ` + holdsEventSQL("p.id") + ` AS holds_event
FROM ins JOIN people p ON p.id = ins.person_id JOIN sp ON sp.person_id = ins.person_id
ORDER BY p.email`

// outsideSpeakersSQL selects the meetup's confirmed speakers (id, team, address, name, language)
// who are not in the team's directory (speakerPeopleSQL finds no person for them); meetup is the parameter
// holding the meetup's id.
func outsideSpeakersSQL(meetup string) string {
	return `SELECT s.id, s.team_id, s.email, s.name, s.language
    FROM candidates c JOIN speakers s ON s.id = c.speaker_id
    WHERE c.meetup_id = ` + meetup + ` AND c.status = 'confirmed' AND s.person_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM people p WHERE p.team_id = s.team_id AND lower(p.email) = lower(s.email))`
}

// addOutsideSpeakersSQL adds the meetup's confirmed speakers from outside the directory to it as
// guests (in no audience unless named: migration 00017), as the door adds a walk-in (their name and language as the speaker directory has them, time
// zone UTC), so they are invited, answer, are counted and checked in as the other speakers are.
var addOutsideSpeakersSQL = `
INSERT INTO people (team_id, email, name, language, guest)
SELECT team_id, email, name, language, true FROM (` + outsideSpeakersSQL("$1") + `) o
ON CONFLICT (team_id, lower(email)) DO NOTHING`

// raiseSequenceSQL raises the meetup's SEQUENCE, so that a CANCEL of its event outranks the
// REQUEST its holder has.
const raiseSequenceSQL = `UPDATE meetups SET ical_sequence = ical_sequence + 1, updated_at = now() WHERE id = $1
RETURNING ` + meetupColumns

// inviteSpeakers invites the confirmed speakers of m not invited as speakers yet, adding those
// from outside the directory to it first, and returns them with the meetup as it is then: when
// one of them holds the meetup's own event (their invitation will cancel it, their talk's event
// standing for it), its SEQUENCE is raised.
func inviteSpeakers(ctx context.Context, tx *sqlx.Tx, m Meetup) ([]Invitee, Meetup, error) {
	if _, err := tx.ExecContext(ctx, addOutsideSpeakersSQL, m.ID); err != nil {
		return nil, m, mapErr(err)
	}
	out := []Invitee{}
	if err := sqlx.SelectContext(ctx, tx, &out, inviteSpeakersSQL, m.ID, m.TeamID); err != nil {
		return nil, m, mapErr(err)
	}
	for _, is := range out {
		if is.HoldsEvent {
			err := tx.GetContext(ctx, &m, raiseSequenceSQL, m.ID)
			return out, m, mapErr(err)
		}
	}
	return out, m, nil
}
