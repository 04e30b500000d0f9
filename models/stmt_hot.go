package models

import "context"

// hotQueries are the statements of an RSVP answer and of its batch: everything a storm of
// answers runs but the notices' outbox statements, whose text follows their count.
func hotQueries() []string {
	q := append(answerQueries(), batchQueries...)
	q = append(q, lockSQLs[0][0], lockSQLs[0][1], lockSQLs[1][0], lockSQLs[1][1])
	return append(q, createRSVPSQLs[0], createRSVPSQLs[1], answerMeetupSQL)
}

// PrepareHot prepares the RSVP path's statements on the pool, as convene serve does at start:
// otherwise the first answers after a start, a storm's first wave, wait while they are prepared.
func (s *Store) PrepareHot(ctx context.Context) error {
	return s.prepare(ctx, hotQueries()...)
}
