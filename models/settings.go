package models

import (
	"context"
	"crypto/rand"
	"encoding/hex"
)

const ensureSettingSQL = `
WITH ins AS (
    INSERT INTO settings (key, value) VALUES ($1, $2)
    ON CONFLICT (key) DO NOTHING
    RETURNING value
)
SELECT value FROM ins UNION ALL SELECT value FROM settings WHERE key = $1 LIMIT 1`

// EnsureSecret returns the instance's signing secret, generating and storing one the first time.
func (s *Store) EnsureSecret(ctx context.Context) (string, error) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	var v string
	err := s.DB.GetContext(ctx, &v, ensureSettingSQL, "secret", hex.EncodeToString(b))
	return v, mapErr(err)
}
