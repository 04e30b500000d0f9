package models

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

)

// maxDietary bounds the dietary-needs text, in characters.
const maxDietary = 300

// limits is what an answer needs to know about its meetup.
type limits struct {
	Stage          string `db:"stage"`
	RemoteCapacity *int   `db:"remote_capacity"`
	Location       string `db:"location"`
	OnlineURL      string `db:"online_url"`
	Over           bool   `db:"over"`
}

// lockAnswerSQL reads the meetup's state and creates or locks the person's RSVP, in one trip.
const lockAnswerSQL = `
WITH m AS (
    SELECT stage, remote_capacity, location, online_url, COALESCE(ends_at < now(), false) AS over
    FROM meetups WHERE id = $1 AND team_id = $3
), r AS (
    INSERT INTO rsvps (meetup_id, person_id, team_id) SELECT $1, $2, $3 FROM m
    ON CONFLICT (meetup_id, person_id) DO UPDATE SET updated_at = now()
    RETURNING ` + rsvpColumns + `
)
SELECT m.*, r.* FROM m, r`

// lockAnswer returns the meetup's limits and the person's RSVP, locked for the transaction;
// answers are taken only while the meetup is scheduled and not over.
func lockAnswer(ctx context.Context, q txq, a Answer) (limits, RSVP, error) {
	var row struct {
		limits
		RSVP
	}
	if err := q.get(ctx, &row, lockAnswerSQL, a.MeetupID, a.PersonID, a.TeamID); err != nil {
		return row.limits, row.RSVP, mapErr(err)
	}
	if row.Stage != StageScheduled || row.Over {
		return row.limits, row.RSVP, ErrMeetupClosed
	}
	return row.limits, row.RSVP, nil
}

// limited reports whether a mode has seats: in person always, remote when a limit is set.
func (l limits) limited(mode string) bool {
	return mode == ModeInPerson || l.RemoteCapacity != nil
}

// Modes lists how one can attend: in person where there is a place, remote where there is a link.
func (m Meetup) Modes() []string { return modesOf(m.Location, m.OnlineURL) }

// modesOf lists the modes a place and a link offer.
func modesOf(location, onlineURL string) []string {
	var m []string
	if location != "" || onlineURL == "" {
		m = append(m, ModeInPerson)
	}
	if onlineURL != "" {
		m = append(m, ModeRemote)
	}
	return m
}

// normalize checks the answer against the meetup and fills the default mode.
func (a *Answer) normalize(l limits) error {
	fe := FieldErrors{}
	switch a.Status {
	case RSVPYes, RSVPMaybe, RSVPNo:
	case "":
		fe["answer"] = "required"
	default:
		fe["answer"] = "invalid_choice"
	}
	modes := modesOf(l.Location, l.OnlineURL)
	if a.Mode == "" {
		a.Mode = modes[0]
	} else if !slices.Contains(modes, a.Mode) {
		fe["mode"] = "invalid_choice"
	}
	a.Dietary = cleanText(a.Dietary)
	if utf8.RuneCountInString(a.Dietary) > maxDietary {
		fe["dietary"] = "too_long"
	}
	return Invalid(fe)
}

// cleanText trims a one-line text and drops control characters (CR, LF, NUL…).
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
