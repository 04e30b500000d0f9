package models

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"
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

const meetupLimitsSQL = `
SELECT stage, remote_capacity, location, online_url, COALESCE(ends_at < now(), false) AS over
FROM meetups WHERE id = $1 AND team_id = $2`

// meetupLimits reads the meetup's state; answers are taken only while it is scheduled and not over.
func meetupLimits(ctx context.Context, tx *sqlx.Tx, teamID, meetupID string) (limits, error) {
	var l limits
	if err := tx.GetContext(ctx, &l, meetupLimitsSQL, meetupID, teamID); err != nil {
		return l, mapErr(err)
	}
	if l.Stage != StageScheduled || l.Over {
		return l, ErrMeetupClosed
	}
	return l, nil
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
