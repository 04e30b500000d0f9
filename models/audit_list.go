package models

import (
	"context"
	"strconv"
	"time"
)

// AuditFilter narrows the audit log: actions starting with Action, entries about one meetup.
type AuditFilter struct {
	Action   string
	MeetupID string
}

// check refuses a filter that cannot match anything sensible.
func (f AuditFilter) check() error {
	fe := FieldErrors{}
	if k := textProblem(f.Action, 100); k != "" {
		fe["action"] = k
	}
	if f.MeetupID != "" && !IsUUID(f.MeetupID) {
		fe["meetup_id"] = "invalid_choice"
	}
	return Invalid(fe)
}

const uuidRE = `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`

// auditLogSQL reads a page of entries, newest first, naming what each target is: targets are
// "meetup:<id>" (or a bare meetup id, as older steps write), "person:<id>", "audience:<id>"
// and "series:<id>".
const auditLogSQL = `
WITH a AS (
    SELECT a.id, a.user_id, a.action, a.target, a.detail, a.at,
        substring(a.target from '^(?:meetup:)?(` + uuidRE + `)$')::uuid AS meetup_ref,
        substring(a.target from '^person:(` + uuidRE + `)$')::uuid AS person_ref,
        substring(a.target from '^audience:(` + uuidRE + `)$')::uuid AS audience_ref,
        substring(a.target from '^series:(` + uuidRE + `)$')::uuid AS series_ref,
        substring(a.detail->>'candidate_id' from '^(` + uuidRE + `)$')::uuid AS candidate_ref,
        substring(a.detail->>'person_id' from '^(` + uuidRE + `)$')::uuid AS detail_person_ref
    FROM audit_log a
    WHERE a.team_id = $1 AND a.action LIKE $2 || '%'
      AND ($3::timestamptz IS NULL OR (a.at, a.id) < ($3::timestamptz, $4::bigint))
)
SELECT a.id, coalesce(u.email, '') AS user_email, a.action, a.target, a.detail::text AS detail, a.at,
    CASE WHEN m.id IS NOT NULL THEN 'meetup' WHEN a.person_ref IS NOT NULL THEN 'person'
         WHEN au.id IS NOT NULL THEN 'audience' WHEN se.id IS NOT NULL THEN 'series' ELSE '' END AS target_kind,
    coalesce(coalesce(m.id, a.person_ref, au.id, se.id)::text, '') AS target_id,
    coalesce(m.title, nullif(p.name, ''), p.email, au.name, se.name, '') AS target_label,
    coalesce(nullif(sp.name, ''), sp.email, '') AS candidate_name, coalesce(nullif(dp.name, ''), dp.email, '') AS person_name
FROM a
LEFT JOIN users u ON u.id = a.user_id
LEFT JOIN meetups m ON m.id = a.meetup_ref AND m.team_id = $1
LEFT JOIN people p ON p.id = a.person_ref AND p.team_id = $1
LEFT JOIN audiences au ON au.id = a.audience_ref AND au.team_id = $1
LEFT JOIN series se ON se.id = a.series_ref AND se.team_id = $1
LEFT JOIN candidates dc ON dc.id = a.candidate_ref AND dc.team_id = $1
LEFT JOIN speakers sp ON sp.id = dc.speaker_id
LEFT JOIN people dp ON dp.id = a.detail_person_ref AND dp.team_id = $1
WHERE ($5::uuid IS NULL OR a.meetup_ref = $5::uuid)
ORDER BY a.at DESC, a.id DESC LIMIT $6`

// AuditLog returns one page of the team's audit log, newest first, with the next cursor.
func (s *Store) AuditLog(ctx context.Context, teamID string, f AuditFilter, p Page) ([]AuditEntry, string, error) {
	p = p.Normalize()
	if err := f.check(); err != nil {
		return nil, "", err
	}
	at, id, err := auditCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	var meetup *string
	if f.MeetupID != "" {
		meetup = &f.MeetupID
	}
	out := []AuditEntry{}
	err = s.DB.SelectContext(ctx, &out, auditLogSQL, teamID, likeEscape(f.Action), at, id, meetup, p.Limit+1)
	if err != nil || len(out) <= p.Limit {
		return out, "", mapErr(err)
	}
	out = out[:p.Limit]
	last := out[len(out)-1]
	return out, encodeCursor(last.At, strconv.FormatInt(last.ID, 10)), nil
}

// auditCursor reads an audit page cursor: nil values start from the newest entry.
func auditCursor(c string) (*time.Time, *int64, error) {
	k, err := decodeCursor(c)
	if err != nil || k == nil {
		return nil, nil, err
	}
	id, perr := strconv.ParseInt(k.ID, 10, 64)
	if perr != nil {
		return nil, nil, Invalid(FieldErrors{"cursor": "invalid_cursor"})
	}
	return &k.At, &id, nil
}
