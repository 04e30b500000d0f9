package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// noticeModeSQL reads the mode of a person's answer, for a notice the answer filled without it.
const noticeModeSQL = `SELECT mode FROM rsvps WHERE meetup_id = $1 AND person_id = $2`

// noticeMode is the mode of the place a notice is about. Only a limited mode has a waitlist, so
// a meetup with one mode, or a hybrid one whose remote places have no limit, says it without a
// read; a hybrid meetup limiting both reads the person's answer in the transaction tx.
func (s *Store) noticeMode(ctx context.Context, tx *sqlx.Tx, m Meetup, personID string) (string, error) {
	if modes := m.Modes(); len(modes) == 1 {
		return modes[0], nil
	}
	if m.RemoteCapacity == nil {
		return ModeInPerson, nil
	}
	var mode string
	err := txq{s, tx}.get(ctx, &mode, noticeModeSQL, m.ID, personID)
	return mode, mapErr(err)
}
