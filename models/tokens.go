package models

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
)

// NewSecretToken returns a URL-safe token of 256 random bits and its SHA-256 hash.
func NewSecretToken() (token string, hash []byte) {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken is how tokens are stored: only their SHA-256.
func HashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

const createAPITokenSQL = `
INSERT INTO api_tokens (user_id, name, token_hash)
SELECT id, $2, $3 FROM users WHERE lower(email) = lower($1)
RETURNING id`

// CreateAPIToken makes a new API token for the user with that email and returns it once.
func (s *Store) CreateAPIToken(ctx context.Context, email, name string) (string, error) {
	token, hash := NewSecretToken()
	var id string
	if err := s.DB.GetContext(ctx, &id, createAPITokenSQL, email, name, hash); err != nil {
		return "", mapErr(err)
	}
	return "cvn_" + token, nil
}

const userByAPITokenSQL = `
UPDATE api_tokens t SET last_used_at = now()
FROM users u
WHERE t.token_hash = $1 AND u.id = t.user_id
RETURNING u.id, u.team_id, u.email, u.name, u.role, u.lang, u.password_hash, u.created_at`

// UserByAPIToken returns the user an API token belongs to; the lookup is by hash,
// an indexed equality on a value the caller cannot choose, so timing reveals nothing.
func (s *Store) UserByAPIToken(ctx context.Context, token string) (User, error) {
	if len(token) < 5 || token[:4] != "cvn_" {
		return User{}, ErrNotFound
	}
	var u User
	err := s.DB.GetContext(ctx, &u, userByAPITokenSQL, HashToken(token[4:]))
	return u, mapErr(err)
}
