package models

import (
	"context"
	"time"

	"github.com/alexedwards/argon2id"
)

// Roles a user can have.
const (
	RoleAdmin     = "admin"
	RoleOrganiser = "organiser"
)

// User is an organiser or admin who logs in to the web UI.
type User struct {
	ID           string    `db:"id" json:"id"`
	TeamID       string    `db:"team_id" json:"team_id"`
	Email        string    `db:"email" json:"email"`
	Name         string    `db:"name" json:"name"`
	Role         string    `db:"role" json:"role"`
	Lang         string    `db:"lang" json:"lang"`
	PasswordHash string    `db:"password_hash" json:"-"`
	CreatedAt    time.Time `db:"created_at" json:"created_at"`
}

// NewUser describes a user to create.
type NewUser struct {
	TeamID   string
	Email    string
	Name     string
	Role     string
	Lang     string
	Password string
}

// hashParams are argon2id parameters sized for a 2-core server (OWASP's second profile).
var hashParams = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// HashPassword hashes a password with argon2id.
func HashPassword(pw string) (string, error) { return argon2id.CreateHash(pw, hashParams) }

// dummyHash is compared against when no account exists, so both paths take the same time.
var dummyHash, _ = argon2id.CreateHash("convene-no-such-account", hashParams)

// CheckPassword reports whether pw matches hash; an empty hash is checked against a dummy.
func CheckPassword(hash, pw string) bool {
	if hash == "" {
		_, _ = argon2id.ComparePasswordAndHash(pw, dummyHash)
		return false
	}
	ok, err := argon2id.ComparePasswordAndHash(pw, hash)
	return err == nil && ok
}

const userColumns = `id, team_id, email, name, role, lang, password_hash, created_at`

const createUserSQL = `
INSERT INTO users (team_id, email, name, role, lang, password_hash)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING ` + userColumns

// CreateUser stores a new user; ErrConflict if the email is taken.
func (s *Store) CreateUser(ctx context.Context, nu NewUser) (User, error) {
	hash, err := HashPassword(nu.Password)
	if err != nil {
		return User{}, err
	}
	var u User
	err = s.DB.GetContext(ctx, &u, createUserSQL, nu.TeamID, nu.Email, nu.Name, nu.Role, nu.Lang, hash)
	return u, mapErr(err)
}

const setPasswordSQL = `UPDATE users SET password_hash = $2 WHERE lower(email) = lower($1)`

// SetPassword replaces a user's password.
func (s *Store) SetPassword(ctx context.Context, email, pw string) error {
	hash, err := HashPassword(pw)
	if err != nil {
		return err
	}
	res, err := s.DB.ExecContext(ctx, setPasswordSQL, email, hash)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

const userByEmailSQL = `SELECT ` + userColumns + ` FROM users WHERE lower(email) = lower($1)`

// UserByEmail finds a user by email, case-insensitively.
func (s *Store) UserByEmail(ctx context.Context, email string) (User, error) {
	var u User
	err := s.DB.GetContext(ctx, &u, userByEmailSQL, email)
	return u, mapErr(err)
}

const userByIDSQL = `SELECT ` + userColumns + ` FROM users WHERE id = $1`

// UserByID finds a user by id.
func (s *Store) UserByID(ctx context.Context, id string) (User, error) {
	var u User
	err := s.DB.GetContext(ctx, &u, userByIDSQL, id)
	return u, mapErr(err)
}

const setUserLangSQL = `UPDATE users SET lang = $2 WHERE id = $1`

// SetUserLang stores a user's language preference.
func (s *Store) SetUserLang(ctx context.Context, id, lang string) error {
	_, err := s.DB.ExecContext(ctx, setUserLangSQL, id, lang)
	return mapErr(err)
}
