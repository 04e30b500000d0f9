package demo

import (
	"context"
	"time"

	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
)

// demoSurvey is one demo topic survey: the meetup it belongs to and how far it got.
type demoSurvey struct {
	meetup models.NewMeetup
	topics []string
	chosen string // "" leaves the survey running; else the pick closes it
}

// demoSurveys are a running survey and one closed with its topic picked.
var demoSurveys = []demoSurvey{
	{meetup: models.NewMeetup{Title: "Tech talk: what should we cover next?", Format: "talk", Timezone: "Europe/Berlin",
		Capacity: 60, Location: "Berlin, auditorium"},
		topics: []string{"Go generics in practice", "Observability on a budget", "Testing against real databases", "Incident reviews that help"}},
	{meetup: models.NewMeetup{Title: "Workshop: pick-a-topic", Format: "workshop", Timezone: "Europe/Kyiv",
		Capacity: 20, Location: "Kyiv office, room 3"},
		topics: []string{"Kubernetes for developers", "Writing SQL migrations safely", "Profiling Go services"},
		chosen: "Profiling Go services"},
}

// seedSurveys adds the demo surveys for the audience of the first demo meetup, with answers.
// The demo mails nobody: invitations are recorded and links made, nothing is queued.
func seedSurveys(ctx context.Context, store *models.Store, teamID string) error {
	ms, _, err := store.ListMeetups(ctx, teamID, models.Page{Limit: 1})
	if err != nil || len(ms) == 0 {
		return err
	}
	secret, err := store.EnsureSecret(ctx)
	if err != nil {
		return err
	}
	lk := models.NewLinker(secret)
	for _, ds := range demoSurveys {
		ds.meetup.AudienceID = ms[0].AudienceID
		if err := seedSurvey(ctx, store, lk, teamID, ds); err != nil {
			return err
		}
	}
	return nil
}

// seedSurvey creates one meetup with its survey, invites the audience and answers for two in three.
func seedSurvey(ctx context.Context, store *models.Store, lk *models.Linker, teamID string, ds demoSurvey) error {
	m, err := store.CreateMeetup(ctx, teamID, "", ds.meetup)
	if err != nil {
		return err
	}
	in := models.SurveyInput{Question: "Which topics would you like to hear about at the next meetup?",
		Topics: ds.topics, ClosesAt: time.Now().Add(10 * 24 * time.Hour).Format(time.RFC3339)}
	if _, err := store.DefineSurvey(ctx, teamID, "", m.ID, in); err != nil {
		return err
	}
	var invited []models.SurveyRecipient
	record := func(_ context.Context, _ sqlx.ExtContext, _ models.Meetup, _ models.Survey, rs []models.SurveyRecipient) error {
		invited = append(invited, rs...)
		return nil
	}
	if _, err := store.SendSurvey(ctx, lk, teamID, "", m.ID, record); err != nil {
		return err
	}
	for i, r := range invited {
		if i%3 == 2 {
			continue
		}
		if err := store.SaveAnswer(ctx, m.ID, r.PersonID, demoAnswer(i, ds.topics)); err != nil {
			return err
		}
	}
	if ds.chosen == "" {
		return nil
	}
	_, err = store.ChooseTopic(ctx, lk, teamID, "", m.ID, models.TopicChoice{Topic: ds.chosen}, record)
	return err
}

// demoProblems are what demo people say about their work.
var demoProblems = []string{"Our CI takes forty minutes.", "Nobody knows which dashboard to trust.",
	"Flaky tests block releases.", "Onboarding to a new service takes weeks.", ""}

// demoAnswer is the i-th person's answer: a varied but fixed set of ticks, sometimes a proposal.
func demoAnswer(i int, topics []string) models.SurveyAnswer {
	a := models.SurveyAnswer{Problems: demoProblems[i%len(demoProblems)]}
	for j, t := range topics {
		if (i+j)%(j+2) == 0 {
			a.Topics = append(a.Topics, t)
		}
	}
	if i%7 == 0 {
		a.Proposal = "Making sense of our cloud bill"
	}
	if len(a.Topics) == 0 && a.Proposal == "" && a.Problems == "" {
		a.Topics = topics[:1]
	}
	return a
}
