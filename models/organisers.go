package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// Organiser is a user who runs a meetup: told about its feedback, signing its speaker mail and recap.
type Organiser struct {
	ID string `db:"id"`
	Recipient
}

// meetupOrganisersSQL is the meetup's creator, or every user of its team when no creator is
// recorded (or the recorded one no longer exists), by email.
const meetupOrganisersSQL = `
SELECT u.id, u.email, u.name, u.lang FROM users u JOIN meetups m ON m.created_by = u.id WHERE m.id = $1
UNION ALL
SELECT u.id, u.email, u.name, u.lang FROM users u JOIN meetups m ON m.team_id = u.team_id
WHERE m.id = $1 AND NOT EXISTS (SELECT 1 FROM users c WHERE c.id = m.created_by)
ORDER BY email`

// MeetupOrganisers returns who runs a meetup: its creator, or the team's users when none is recorded.
func MeetupOrganisers(ctx context.Context, db sqlx.QueryerContext, meetupID string) ([]Organiser, error) {
	var out []Organiser
	err := sqlx.SelectContext(ctx, db, &out, meetupOrganisersSQL, meetupID)
	return out, mapErr(err)
}

// Recipients returns the organisers as mail recipients.
func Recipients(orgs []Organiser) []Recipient {
	out := make([]Recipient, len(orgs))
	for i, o := range orgs {
		out[i] = o.Recipient
	}
	return out
}
