package models

import (
	"encoding/base64"
	"strings"
	"time"
)

// Page asks for one page of a list.
type Page struct {
	Limit  int
	Cursor string
}

// DefaultLimit and MaxLimit bound list sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// Normalize clamps the limit to [1, MaxLimit], defaulting to DefaultLimit.
func (p Page) Normalize() Page {
	if p.Limit <= 0 {
		p.Limit = DefaultLimit
	}
	if p.Limit > MaxLimit {
		p.Limit = MaxLimit
	}
	return p
}

// keyset is the position after which a page starts: a time and an id.
type keyset struct {
	At time.Time
	ID string
}

// encodeCursor makes an opaque cursor from a row's sort key.
func encodeCursor(at time.Time, id string) string {
	raw := at.UTC().Format(time.RFC3339Nano) + "|" + id
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// decodeCursor reads a cursor; an empty one starts from the beginning.
func decodeCursor(c string) (*keyset, error) {
	if c == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return nil, Invalid(FieldErrors{"cursor": "invalid_cursor"})
	}
	at, id, ok := strings.Cut(string(b), "|")
	t, err := time.Parse(time.RFC3339Nano, at)
	if !ok || err != nil {
		return nil, Invalid(FieldErrors{"cursor": "invalid_cursor"})
	}
	return &keyset{At: t, ID: id}, nil
}
