package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Person is one employee of the company directory.
type Person struct {
	ID         string         `db:"id" json:"id"`
	TeamID     string         `db:"team_id" json:"-"`
	Email      string         `db:"email" json:"email"`
	Name       string         `db:"name" json:"name"`
	Department string         `db:"department" json:"department"`
	Location   string         `db:"location" json:"location"`
	Timezone   string         `db:"timezone" json:"timezone"`
	Interests  pq.StringArray `db:"interests" json:"interests"`
	Language   string         `db:"language" json:"language"`
	Guest      bool           `db:"guest" json:"guest"` // a speaker from outside the staff (migration 00017)
	CreatedAt  time.Time      `db:"created_at" json:"created_at"`
	UpdatedAt  time.Time      `db:"updated_at" json:"updated_at"`
}

// Upsert outcomes.
const (
	Created   = "created"
	Updated   = "updated"
	Unchanged = "unchanged"
)

const upsertPersonSQL = `
WITH old AS (
    SELECT id, name, department, location, timezone, interests, language
    FROM people WHERE team_id = $1 AND lower(email) = lower($2)
), up AS (
    INSERT INTO people (team_id, email, name, department, location, timezone, interests, language)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
    ON CONFLICT (team_id, lower(email)) DO UPDATE
    SET name = EXCLUDED.name, department = EXCLUDED.department, location = EXCLUDED.location,
        timezone = EXCLUDED.timezone, interests = EXCLUDED.interests, language = EXCLUDED.language,
        guest = false, updated_at = now()
    WHERE (people.name, people.department, people.location, people.timezone, people.interests, people.language, people.guest)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.department, EXCLUDED.location, EXCLUDED.timezone,
                          EXCLUDED.interests, EXCLUDED.language, false)
    RETURNING id
)
SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM old) THEN 'created'
            WHEN EXISTS (SELECT 1 FROM up) THEN 'updated'
            ELSE 'unchanged' END`

// UpsertPerson creates or updates a person by email (case-insensitive) and says which it did.
func UpsertPerson(ctx context.Context, db sqlx.QueryerContext, teamID string, p Person) (string, error) {
	var outcome string
	err := sqlx.GetContext(ctx, db, &outcome, upsertPersonSQL, teamID, p.Email, p.Name, p.Department,
		p.Location, p.Timezone, stringArray(p.Interests), p.Language)
	return outcome, mapErr(err)
}

const countPeopleSQL = `SELECT count(*) FROM people WHERE team_id = $1`

// CountPeople counts the team's directory.
func (s *Store) CountPeople(ctx context.Context, teamID string) (int, error) {
	var n int
	err := s.DB.GetContext(ctx, &n, countPeopleSQL, teamID)
	return n, mapErr(err)
}
