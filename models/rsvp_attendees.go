package models

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"
)

// Attendee is one invited person as the organiser sees them.
type Attendee struct {
	PersonID         string     `db:"person_id" json:"person_id"`
	Email            string     `db:"email" json:"email"`
	Name             string     `db:"name" json:"name"`
	Role             string     `db:"role" json:"role"`
	RSVP             string     `db:"status" json:"rsvp"`
	WaitlistPosition *int       `db:"waitlist_position" json:"waitlist_position"`
	Mode             string     `db:"mode" json:"mode"`
	Dietary          string     `db:"dietary" json:"dietary"`
	CheckedIn        bool       `db:"checked_in" json:"checked_in"`
	AnsweredAt       *time.Time `db:"answered_at" json:"answered_at"`
	OverCapacity     bool       `db:"over_capacity" json:"over_capacity"`
}

// ShowsMode says whether the attendee's mode means something: they said yes or maybe, or wait
// for a seat. For someone who said no or has not answered it is only the column's default.
func (a Attendee) ShowsMode() bool {
	return a.RSVP == RSVPYes || a.RSVP == RSVPMaybe || a.RSVP == RSVPWaitlisted
}

// AttendeeFilter narrows the attendee list; empty fields match everything. Query finds text
// anywhere in a name or address, case, accents and surrounding white space aside (searchPattern;
// migration 00012).
type AttendeeFilter struct {
	RSVP    string
	Mode    string
	Query   string
	Dietary bool
}

// check refuses unknown filter values.
func (f AttendeeFilter) check() error {
	fe := FieldErrors{}
	switch f.RSVP {
	case "", RSVPInvited, RSVPYes, RSVPMaybe, RSVPNo, RSVPWaitlisted:
	default:
		fe["rsvp"] = "invalid_choice"
	}
	if f.Mode != "" && f.Mode != ModeInPerson && f.Mode != ModeRemote {
		fe["mode"] = "invalid_choice"
	}
	if k := searchProblem(f.Query); k != "" {
		fe["q"] = k
	}
	return Invalid(fe)
}

// where builds the filter's conditions after the first n arguments.
func (f AttendeeFilter) where(args []any) (string, []any) {
	conds := []string{}
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, fmt.Sprintf(cond, len(args)))
	}
	if f.RSVP != "" {
		add("r.status = $%d", f.RSVP)
	}
	if f.Mode != "" {
		add("r.mode = $%d AND r.status IN ('yes', 'maybe', 'waitlisted')", f.Mode)
	}
	if pat := searchPattern(f.Query); pat != "" {
		add("(p.email_fold LIKE $%[1]d OR p.name_fold LIKE $%[1]d)", pat)
	}
	if f.Dietary {
		conds = append(conds, "r.dietary <> ''")
	}
	if len(conds) == 0 {
		return "", args
	}
	return " AND " + strings.Join(conds, " AND "), args
}

// attendeeCursor is the sort key after which a page starts.
func attendeeCursor(a Attendee) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strings.ToLower(a.Email) + "\x00" + a.PersonID))
}

// parseAttendeeCursor reads a cursor; an empty one starts at the beginning.
func parseAttendeeCursor(c string) (email, id string, err error) {
	if c == "" {
		return "", "", nil
	}
	b, derr := base64.RawURLEncoding.DecodeString(c)
	email, id, ok := strings.Cut(string(b), "\x00")
	if derr != nil || !ok || !IsUUID(id) {
		return "", "", Invalid(FieldErrors{"cursor": "invalid_cursor"})
	}
	return email, id, nil
}
