package demo

import (
	"context"
	"time"

	"github.com/convene/convene/models"
)

// finishedAnswers are the feedback of the demo's finished meetup, from people[30:41].
var finishedAnswers = []models.SeedAnswer{
	{Rating: 5, NPS: 10, Impact: 5, Useful: "The template for the timeline: we used it the next day.", NextTopics: "Chaos engineering; On-call without burnout"},
	{Rating: 5, NPS: 9, Impact: 4, Useful: "Blameless wording examples.", Improve: "Share the slides before the talk.", NextTopics: "chaos engineering"},
	{Rating: 4, NPS: 9, Impact: 4, Useful: "Real incidents from our own systems.", NextTopics: "SLOs in practice"},
	{Rating: 4, NPS: 8, Impact: 3, Improve: "The room was too small; many stood.", NextTopics: "On-call without burnout"},
	{Rating: 4, NPS: 8, Impact: 4, Useful: "How to pick action items that get done."},
	{Rating: 5, NPS: 10, Impact: 5, Useful: "The five whys done right.", NextTopics: "Chaos engineering\nPostmortem tooling"},
	{Rating: 3, NPS: 6, Impact: 2, Improve: "Too much about the process, too little about tools."},
	{Rating: 4, NPS: 7, Impact: 3, Useful: "Good questions from the audience."},
	{Rating: 5, NPS: 9, Impact: 4, NextTopics: "SLOs in practice"},
	{Rating: 2, NPS: 3, Impact: 1, Improve: "Started 15 minutes late and ran over."},
	{Rating: 4, NPS: 9, Impact: 4, Useful: "Clear structure, short slides."},
}

// seedFinished adds a talk that took place five days ago with check-ins, answers, suggested
// topics in the backlog and a celebration.
func seedFinished(ctx context.Context, store *models.Store, teamID string, c cast) error {
	people, speakers := c.people, c.speakers
	m, err := store.CreateMeetup(ctx, teamID, "", models.NewMeetup{Title: "Incident reviews that teach", Format: "talk",
		Timezone: "Europe/Kyiv", Capacity: 30, Location: "Kyiv office, room 3", Topic: "Blameless incident reviews",
		Description: "How to run a postmortem people learn from.", AudienceID: &c.audience})
	if err != nil {
		return err
	}
	answers := make([]models.SeedAnswer, len(finishedAnswers))
	for i, a := range finishedAnswers {
		a.PersonID = people[30+i]
		answers[i] = a
	}
	past := models.PastMeetup{MeetupID: m.ID, StartsAt: noonUTC(-5), Invited: people[24:60], Yes: people[30:50],
		CheckedIn: people[30:46], Answers: answers, SpeakerID: speakers[min(2, len(speakers)-1)],
		TalkTitle: "Incident reviews that teach", FeedbackSent: true}
	if err := store.SeedPastMeetup(ctx, teamID, past); err != nil {
		return err
	}
	for _, topic := range []string{"Chaos engineering", "On-call without burnout", "SLOs in practice", "Postmortem tooling"} {
		if _, err := store.AddTopicIdea(ctx, teamID, topic, models.IdeaFromFeedback, &m.ID); err != nil {
			return err
		}
	}
	in := models.CelebrateInput{Worked: "Real incidents from our own systems kept everyone listening.\nThe timeline template was picked up at once.",
		Change:     "A bigger room, and start on time.",
		RecapLinks: []string{"https://slides.example.com/incident-reviews", "https://video.example.com/incident-reviews"}}
	return store.CelebratePast(ctx, teamID, m.ID, in)
}

// seedJustEnded adds a lunch-and-learn that ended an hour ago: people said yes, nobody is checked
// in yet and the feedback form is not sent, so a visitor can check people in, answer and celebrate.
func seedJustEnded(ctx context.Context, store *models.Store, teamID string, c cast) error {
	people, speakers := c.people, c.speakers
	m, err := store.CreateMeetup(ctx, teamID, "", models.NewMeetup{Title: "Lunch & Learn: Testing with real databases",
		Format: "lunch_and_learn", Timezone: "Europe/Berlin", Capacity: 25, Location: "Berlin, kitchen",
		Topic: "Testing with real databases", DurationMinutes: 60, AudienceID: &c.audience})
	if err != nil {
		return err
	}
	past := models.PastMeetup{MeetupID: m.ID, StartsAt: time.Now().Add(-2 * time.Hour).Truncate(time.Minute),
		Invited: people[:30], Yes: people[:14], SpeakerID: speakers[min(1, len(speakers)-1)],
		TalkTitle: "Testing with real databases"}
	return store.SeedPastMeetup(ctx, teamID, past)
}
