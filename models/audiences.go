package models

import (
	"context"

	"github.com/lib/pq"
)

// Audience is a saved segment of the directory.
type Audience struct {
	ID            string         `db:"id" json:"id"`
	TeamID        string         `db:"team_id" json:"-"`
	Name          string         `db:"name" json:"name"`
	Departments   pq.StringArray `db:"departments" json:"departments"`
	Locations     pq.StringArray `db:"locations" json:"locations"`
	Interests     pq.StringArray `db:"interests" json:"interests"`
	IncludeEmails pq.StringArray `db:"include_emails" json:"include"`
	ExcludeEmails pq.StringArray `db:"exclude_emails" json:"exclude"`
}

const createAudienceSQL = `
INSERT INTO audiences (team_id, name, departments, locations, interests, include_emails, exclude_emails)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`

// CreateAudience stores a segment and returns its id.
func (s *Store) CreateAudience(ctx context.Context, teamID string, a Audience) (string, error) {
	var id string
	err := s.DB.GetContext(ctx, &id, createAudienceSQL, teamID, a.Name, stringArray(a.Departments),
		stringArray(a.Locations), stringArray(a.Interests), stringArray(a.IncludeEmails), stringArray(a.ExcludeEmails))
	return id, mapErr(err)
}
