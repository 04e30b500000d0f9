package models

import (
	"context"
	"crypto/subtle"
	"time"

	"github.com/jmoiron/sqlx"
)

const lookupLinkSQL = `
SELECT id FROM links
WHERE purpose = $1 AND person_id IS NOT DISTINCT FROM $2 AND meetup_id IS NOT DISTINCT FROM $3 AND subject = $4`

// Lookup returns the token of an existing link for spec without creating one (for pages that
// must not write, such as a GET); ErrNotFound when there is none.
func (l *Linker) Lookup(ctx context.Context, db sqlx.QueryerContext, spec LinkSpec) (string, error) {
	var id string
	if err := sqlx.GetContext(ctx, db, &id, lookupLinkSQL, spec.Purpose, spec.PersonID, spec.MeetupID, spec.Subject); err != nil {
		return "", mapErr(err)
	}
	return l.token(id, spec.Purpose), nil
}

// Token is the token of an existing link, given its id (as a query that joined links read it).
func (l *Linker) Token(linkID, purpose string) string { return l.token(linkID, purpose) }

// Valid applies Resolve's checks to a link found by the hash of token: the token is the
// link's own (compared in constant time), for purpose, and not expired.
func (l *Linker) Valid(token, purpose string, k Link) bool {
	if len(token) != 43 || k.Purpose != purpose {
		return false
	}
	if subtle.ConstantTimeCompare([]byte(l.token(k.ID, k.Purpose)), []byte(token)) != 1 {
		return false
	}
	return k.ExpiresAt == nil || time.Now().Before(*k.ExpiresAt)
}
