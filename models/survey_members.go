package models

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// meetupRule is the audience rule of meetup m, as the arguments of membersCTE ($1–$6), read
// through q (a transaction that holds the meetup's lock, or the pool). The survey is mailed to
// the members it selects, as the invitations are: one rule, one definition (membersCTE). ok is
// false when the meetup has no audience, which reaches nobody.
func meetupRule(ctx context.Context, q sqlx.QueryerContext, m Meetup) (args []any, ok bool, err error) {
	if m.AudienceID == nil {
		return nil, false, nil
	}
	var a Audience
	if err := sqlx.GetContext(ctx, q, &a, getAudienceSQL, *m.AudienceID, m.TeamID); err != nil {
		return nil, false, mapErr(err)
	}
	return a.criteria(m.TeamID), true, nil
}
