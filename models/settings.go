package models

import (
	"context"
	"crypto/rand"
	"encoding/hex"
)

// ensureSettingSQL inserts the value or returns the stored one. DO UPDATE (not DO NOTHING plus a
// SELECT) waits for a concurrent insert and returns its row, which a SELECT's snapshot would miss.
const ensureSettingSQL = `
INSERT INTO settings (key, value) VALUES ($1, $2)
ON CONFLICT (key) DO UPDATE SET value = settings.value
RETURNING value`

// EnsureSecret returns the instance's signing secret, generating and storing one the first time.
func (s *Store) EnsureSecret(ctx context.Context) (string, error) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	var v string
	err := s.DB.GetContext(ctx, &v, ensureSettingSQL, "secret", hex.EncodeToString(b))
	return v, mapErr(err)
}
