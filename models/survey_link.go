package models

import (
	"context"
	"errors"
)

// Respondent is the person a survey link belongs to, as the survey page needs them.
type Respondent struct {
	ID       string `db:"id"`
	Name     string `db:"name"`
	Language string `db:"language"`
	Timezone string `db:"timezone"`
}

// SurveyLinkView is everything a survey page shows to the person its link belongs to.
type SurveyLinkView struct {
	Meetup Meetup
	Survey Survey
	Person Respondent
	// Answer is the person's earlier answer, or nil.
	Answer *SurveyAnswer
}

const respondentSQL = `SELECT id, name, language, timezone FROM people WHERE id = $1 AND team_id = $2`

// SurveyForLink loads the survey page of a resolved survey link; a link without a survey
// (or whose person or meetup is gone) is ErrNotFound.
func (s *Store) SurveyForLink(ctx context.Context, l Link) (SurveyLinkView, error) {
	var v SurveyLinkView
	if l.Purpose != PurposeSurvey || l.MeetupID == nil || l.PersonID == nil {
		return v, ErrNotFound
	}
	var err error
	if v.Meetup, err = s.GetMeetup(ctx, l.TeamID, *l.MeetupID); err != nil {
		return v, err
	}
	if v.Survey, err = s.GetSurvey(ctx, l.TeamID, *l.MeetupID); err != nil {
		return v, err
	}
	if err := s.DB.GetContext(ctx, &v.Person, respondentSQL, *l.PersonID, l.TeamID); err != nil {
		return v, mapErr(err)
	}
	a, err := s.GetAnswer(ctx, *l.MeetupID, *l.PersonID)
	switch {
	case err == nil:
		v.Answer = &a
	case !errors.Is(err, ErrNotFound):
		return v, err
	}
	return v, nil
}
