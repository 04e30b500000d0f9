package models

import "context"

// countUninvitedSQL counts whom an invitation send would mail now: the audience's members not
// invited yet ($1–$6 the audience's criteria) and the confirmed speakers not invited as
// speakers yet, each person once ($7 the meetup), with the speakers from outside the directory,
// whom the send adds to it. Walk-ins are never invited, so never counted.
var countUninvitedSQL = `
WITH ` + membersCTE + `, sp AS (` + speakerPeopleSQL("$7") + `)
SELECT (SELECT count(*) FROM (` + outsideSpeakersSQL("$7") + `) o) + count(*) FROM (
    SELECT mb.id FROM members mb WHERE NOT EXISTS (
        SELECT 1 FROM rsvps r WHERE r.meetup_id = $7 AND r.person_id = mb.id AND (r.invited_at IS NOT NULL OR r.walk_in))
    UNION
    SELECT sp.person_id FROM sp WHERE NOT EXISTS (
        SELECT 1 FROM rsvps r WHERE r.meetup_id = $7 AND r.person_id = sp.person_id
            AND ((r.invited_at IS NOT NULL AND r.role = 'speaker') OR r.walk_in))
) uninvited`

// CountUninvited counts the people a send of m's invitations would mail now (SendInvitations);
// a meetup without an audience sends nothing, so it counts none.
func (s *Store) CountUninvited(ctx context.Context, m Meetup) (int, error) {
	if m.AudienceID == nil {
		return 0, nil
	}
	var a Audience
	if err := s.DB.GetContext(ctx, &a, getAudienceSQL, *m.AudienceID, m.TeamID); err != nil {
		return 0, mapErr(err)
	}
	var n int
	err := s.DB.GetContext(ctx, &n, countUninvitedSQL, append(a.criteria(m.TeamID), m.ID)...)
	return n, mapErr(err)
}
