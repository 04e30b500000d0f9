package models

import (
	"context"
	"errors"

	"github.com/jmoiron/sqlx"
)

const getPersonSQL = `SELECT ` + personColumns + ` FROM people WHERE id = $1 AND team_id = $2`

// GetPerson returns one person of the team; another team's id is ErrNotFound.
func (s *Store) GetPerson(ctx context.Context, teamID, id string) (Person, error) {
	if !IsUUID(id) {
		return Person{}, ErrNotFound
	}
	var p Person
	err := s.DB.GetContext(ctx, &p, getPersonSQL, id, teamID)
	return p, mapErr(err)
}

const insertPersonSQL = `
INSERT INTO people (team_id, email, name, department, location, timezone, interests, language)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ` + personColumns

// CreatePerson validates and adds one person; an address already in the directory is a field error.
func (s *Store) CreatePerson(ctx context.Context, teamID, userID string, p Person) (Person, error) {
	if fe := NormalizePerson(&p, nil); len(fe) > 0 {
		return Person{}, Invalid(fe)
	}
	var out Person
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &out, insertPersonSQL, teamID, p.Email, p.Name, p.Department, p.Location,
			p.Timezone, stringArray(p.Interests), p.Language)
		if err != nil {
			return emailTaken(err)
		}
		return Audit(ctx, tx, teamID, userID, "person.create", "person:"+out.ID, nil)
	})
	return out, err
}

// PersonPatch changes some of a person's fields; nil fields stay as they are.
type PersonPatch struct {
	Email      *string   `json:"email"`
	Name       *string   `json:"name"`
	Department *string   `json:"department"`
	Location   *string   `json:"location"`
	Timezone   *string   `json:"timezone"`
	Interests  *[]string `json:"interests"`
	Language   *string   `json:"language"`
}

// apply copies the set fields onto p and names them.
func (pp PersonPatch) apply(p *Person) []string {
	var changed []string
	set := func(name string, dst *string, v *string) {
		if v != nil {
			*dst, changed = *v, append(changed, name)
		}
	}
	set("email", &p.Email, pp.Email)
	set("name", &p.Name, pp.Name)
	set("department", &p.Department, pp.Department)
	set("location", &p.Location, pp.Location)
	set("timezone", &p.Timezone, pp.Timezone)
	set("language", &p.Language, pp.Language)
	if pp.Interests != nil {
		p.Interests, changed = *pp.Interests, append(changed, "interests")
	}
	return changed
}

const updatePersonSQL = `
UPDATE people SET email = $3, name = $4, department = $5, location = $6, timezone = $7, interests = $8,
    language = $9, updated_at = now()
WHERE id = $1 AND team_id = $2 RETURNING ` + personColumns

// UpdatePerson applies a patch to a person of the team, validating the result; the audit log names the fields, not their values.
func (s *Store) UpdatePerson(ctx context.Context, teamID, userID, id string, pp PersonPatch) (Person, error) {
	if !IsUUID(id) {
		return Person{}, ErrNotFound
	}
	var out Person
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		var cur Person
		if err := tx.GetContext(ctx, &cur, getPersonSQL+" FOR UPDATE", id, teamID); err != nil {
			return err
		}
		changed := pp.apply(&cur)
		if fe := NormalizePerson(&cur, nil); len(fe) > 0 {
			return Invalid(fe)
		}
		err := tx.GetContext(ctx, &out, updatePersonSQL, id, teamID, cur.Email, cur.Name, cur.Department,
			cur.Location, cur.Timezone, stringArray(cur.Interests), cur.Language)
		if err != nil {
			return emailTaken(err)
		}
		return Audit(ctx, tx, teamID, userID, "person.update", "person:"+id, map[string]any{"fields": changed})
	})
	return out, err
}

// emailTaken turns a unique violation on the address into a field error.
func emailTaken(err error) error {
	if err = mapErr(err); isConflict(err) {
		return Invalid(FieldErrors{"email": "email_taken"})
	}
	return err
}

// isConflict reports whether err is ErrConflict.
func isConflict(err error) bool { return errors.Is(err, ErrConflict) }
