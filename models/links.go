package models

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
)

// Link purposes: each token opens exactly one kind of page.
const (
	PurposeSurvey   = "survey"
	PurposeRSVP     = "rsvp"
	PurposeOutreach = "outreach"
	PurposeConfirm  = "confirm"
	PurposeFeedback = "feedback"
	PurposeCalendar = "calendar"
)

// LinkSpec names what a personal link is for.
type LinkSpec struct {
	TeamID    string
	Purpose   string
	PersonID  *string
	MeetupID  *string
	Subject   string
	ExpiresAt *time.Time
}

// Link is a resolved personal link.
type Link struct {
	ID        string     `db:"id"`
	TeamID    string     `db:"team_id"`
	Purpose   string     `db:"purpose"`
	PersonID  *string    `db:"person_id"`
	MeetupID  *string    `db:"meetup_id"`
	Subject   string     `db:"subject"`
	ExpiresAt *time.Time `db:"expires_at"`
}

// Linker makes and checks personal-link tokens. A token is the HMAC of the link's random id
// under the instance secret, so the same link can be mailed again while only its hash is stored.
type Linker struct {
	secret []byte
}

// NewLinker returns a Linker signing with secret (CONVENE_SECRET or the generated one).
func NewLinker(secret string) *Linker { return &Linker{secret: []byte(secret)} }

// token derives the 256-bit token of a link id and purpose.
func (l *Linker) token(id, purpose string) string {
	m := hmac.New(sha256.New, l.secret)
	m.Write([]byte(purpose + ":" + id))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

const ensureLinkSQL = `
INSERT INTO links (id, token_hash, team_id, purpose, person_id, meetup_id, subject, expires_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (purpose, person_id, meetup_id, subject)
DO UPDATE SET expires_at = EXCLUDED.expires_at
RETURNING id`

// Ensure returns the token of the link for spec, creating the link the first time.
func (l *Linker) Ensure(ctx context.Context, db sqlx.QueryerContext, spec LinkSpec) (string, error) {
	id := uuid.NewString() // crypto/rand: 122 random bits
	var got string
	err := sqlx.GetContext(ctx, db, &got, ensureLinkSQL, id, HashToken(l.token(id, spec.Purpose)), spec.TeamID,
		spec.Purpose, spec.PersonID, spec.MeetupID, spec.Subject, spec.ExpiresAt)
	if err != nil {
		return "", mapErr(err)
	}
	return l.token(got, spec.Purpose), nil
}

const resolveLinkSQL = `
SELECT id, team_id, purpose, person_id, meetup_id, subject, expires_at
FROM links WHERE token_hash = $1`

// Resolve finds the link of a token for purpose; unknown, tampered, expired and
// wrong-purpose tokens are all ErrNotFound.
func (l *Linker) Resolve(ctx context.Context, db sqlx.QueryerContext, token, purpose string) (Link, error) {
	if len(token) != 43 {
		return Link{}, ErrNotFound
	}
	var k Link
	if err := sqlx.GetContext(ctx, db, &k, resolveLinkSQL, HashToken(token)); err != nil {
		return Link{}, mapErr(err)
	}
	want := l.token(k.ID, k.Purpose)
	if subtle.ConstantTimeCompare([]byte(want), []byte(token)) != 1 || k.Purpose != purpose {
		return Link{}, ErrNotFound
	}
	if k.ExpiresAt != nil && time.Now().After(*k.ExpiresAt) {
		return Link{}, ErrNotFound
	}
	return k, nil
}
