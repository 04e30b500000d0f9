package models

import (
	"context"
	"strings"
	"time"

	"github.com/convene/convene/internal/textfold"
)

// DoorEntry is one person on a meetup's check-in list.
type DoorEntry struct {
	PersonID    string     `db:"person_id" json:"person_id"`
	Email       string     `db:"email" json:"email"`
	Name        string     `db:"name" json:"name"`
	RSVP        string     `db:"status" json:"rsvp"`
	Role        string     `db:"role" json:"role"` // attendee, or speaker: a confirmed speaker of the meetup
	WalkIn      bool       `db:"walk_in" json:"walk_in"`
	CheckedIn   bool       `db:"checked_in" json:"checked_in"`
	CheckedInAt *time.Time `db:"checked_in_at" json:"checked_in_at"`
}

// DoorCounts is how many are checked in (walk-ins and speakers included) and how many of them
// were invited; how many invited attendees said yes (the expected, the report's "yes") and how
// many of those are checked in; how many invited attendees who did not say yes (maybe, no
// answer, waitlisted, no) came all the same (others); how many came without an invitation
// (walk-ins); and the meetup's speakers (invited as speakers, less those who said no and did not
// come: speakerSQL), counted only there, and how many of them are checked in. CheckedIn =
// InvitedIn + WalkIns and InvitedIn = ExpectedIn + OthersIn + SpeakersIn, so ExpectedIn never
// exceeds Expected.
type DoorCounts struct {
	CheckedIn  int `db:"checked_in" json:"checked_in"`
	InvitedIn  int `db:"invited_checked_in" json:"invited_checked_in"`
	Expected   int `db:"expected" json:"expected"`
	ExpectedIn int `db:"expected_checked_in" json:"expected_checked_in"`
	OthersIn   int `db:"others_checked_in" json:"others_checked_in"`
	WalkIns    int `db:"walk_ins" json:"walk_ins"`
	Speakers   int `db:"speakers" json:"speakers"`
	SpeakersIn int `db:"speakers_checked_in" json:"speakers_checked_in"`
}

// maxDoorList bounds the check-in list one page shows; a search narrows it.
const maxDoorList = 2000

// doorListSQL lists a meetup's invitees and walk-ins, up to $3 of them (all when NULL).
const doorListSQL = `
SELECT r.person_id, p.email, p.name, r.status, r.role, r.walk_in, r.checked_in_at IS NOT NULL AS checked_in, r.checked_in_at
FROM rsvps r JOIN people p ON p.id = r.person_id
WHERE r.meetup_id = $1 AND r.team_id = $2
ORDER BY array_position(ARRAY['yes', 'maybe', 'waitlisted', 'invited', 'no'], r.status),
    lower(CASE WHEN p.name = '' THEN p.email ELSE p.name END), r.person_id
LIMIT $3`

// DoorList returns a meetup's invitees and walk-ins, those who said yes first, by name; query
// narrows it to names or addresses containing it, case and accents aside ("muller" finds
// Müller). PostgreSQL cannot drop accents without an extension, so a search reads the whole
// list, a meetup's invitees, and filters it here.
func (s *Store) DoorList(ctx context.Context, teamID, meetupID, query string) ([]DoorEntry, error) {
	if k := textProblem(query, 200); k != "" {
		return nil, Invalid(FieldErrors{"q": k})
	}
	var limit any = maxDoorList
	if query != "" {
		limit = nil
	}
	out := []DoorEntry{}
	if err := s.DB.SelectContext(ctx, &out, doorListSQL, meetupID, teamID, limit); err != nil {
		return nil, mapErr(err)
	}
	return searchDoor(out, query), nil
}

// searchDoor keeps the entries whose name or address holds query, case, accents and the white
// space around it and doubled inside it aside, up to maxDoorList of them.
func searchDoor(list []DoorEntry, query string) []DoorEntry {
	q := textfold.Fold(strings.Join(strings.Fields(query), " "))
	out := list[:0]
	for _, e := range list {
		if len(out) == maxDoorList {
			break
		}
		if strings.Contains(textfold.Fold(e.Name), q) || strings.Contains(textfold.Fold(e.Email), q) {
			out = append(out, e)
		}
	}
	return out
}

// speakerSQL is who the door and the report count as a speaker of the meetup (rsvps r): invited
// as a speaker (not a walk-in), unless they said no on their RSVP page and did not come after all.
const speakerSQL = `r.role = 'speaker' AND NOT r.walk_in AND (r.status <> 'no' OR r.checked_in_at IS NOT NULL)`

// doorCountsSQL counts as the report's funnel does (funnelSQL): the expected and the others are
// attendees, and the speakers are counted apart, once (speakerSQL).
const doorCountsSQL = `
SELECT count(*) FILTER (WHERE r.checked_in_at IS NOT NULL) AS checked_in,
    count(*) FILTER (WHERE r.checked_in_at IS NOT NULL AND NOT r.walk_in) AS invited_checked_in,
    count(*) FILTER (WHERE r.role = 'attendee' AND r.status = 'yes' AND NOT r.walk_in) AS expected,
    count(*) FILTER (WHERE r.role = 'attendee' AND r.checked_in_at IS NOT NULL AND NOT r.walk_in AND r.status = 'yes') AS expected_checked_in,
    count(*) FILTER (WHERE r.role = 'attendee' AND r.checked_in_at IS NOT NULL AND NOT r.walk_in AND r.status <> 'yes') AS others_checked_in,
    count(*) FILTER (WHERE r.walk_in AND r.checked_in_at IS NOT NULL) AS walk_ins,
    count(*) FILTER (WHERE ` + speakerSQL + `) AS speakers,
    count(*) FILTER (WHERE ` + speakerSQL + ` AND r.checked_in_at IS NOT NULL) AS speakers_checked_in
FROM rsvps r WHERE r.meetup_id = $1 AND r.team_id = $2`

// DoorCounts counts a meetup's check-ins, its yes answers, the others invited who came and its walk-ins.
func (s *Store) DoorCounts(ctx context.Context, teamID, meetupID string) (DoorCounts, error) {
	var c DoorCounts
	err := s.DB.GetContext(ctx, &c, doorCountsSQL, meetupID, teamID)
	return c, mapErr(err)
}
