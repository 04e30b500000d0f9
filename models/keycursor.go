package models

import (
	"encoding/base64"
	"strings"
)

// nameKey is the position after which a page of people sorted by name starts.
type nameKey struct {
	Name string
	ID   string
}

// encodeNameCursor makes an opaque cursor from a person's sort key.
func encodeNameCursor(name, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(id + "|" + name))
}

// decodeNameCursor reads a cursor made by encodeNameCursor; an empty one starts from the beginning.
func decodeNameCursor(c string) (*nameKey, error) {
	if c == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return nil, Invalid(FieldErrors{"cursor": "invalid_cursor"})
	}
	id, name, ok := strings.Cut(string(b), "|")
	if !ok || !IsUUID(id) {
		return nil, Invalid(FieldErrors{"cursor": "invalid_cursor"})
	}
	return &nameKey{Name: name, ID: id}, nil
}

// cursorArgs gives the two query parameters of a key, NULL when there is none.
func (k *nameKey) cursorArgs() (*string, *string) {
	if k == nil {
		return nil, nil
	}
	return &k.Name, &k.ID
}

// pageOf trims a fetched page of limit+1 people and makes the next cursor.
func pageOf(items []Person, limit int) ([]Person, string) {
	if len(items) <= limit {
		return items, ""
	}
	items = items[:limit]
	last := items[len(items)-1]
	return items, encodeNameCursor(last.Name, last.ID)
}
