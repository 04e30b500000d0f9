package demo

import (
	"context"

	"github.com/convene/convene/models"
)

// seedMeetups creates an audience, a series and meetups at several stages.
func seedMeetups(ctx context.Context, store *models.Store, teamID string) error {
	audID, err := store.CreateAudience(ctx, teamID, models.Audience{Name: "Engineering & Analytics",
		Departments: []string{"Engineering", "Analytics", "Data"}})
	if err != nil {
		return err
	}
	if _, err := store.CreateAudience(ctx, teamID, models.Audience{Name: "Marketing crowd (SEO, PPC, Marketing)",
		Departments: []string{"SEO", "PPC", "Marketing"}, Interests: []string{"analytics", "seo", "ppc", "writing"}}); err != nil {
		return err
	}
	seriesID, err := store.CreateSeries(ctx, teamID, "Lunch & Learn", "fortnightly")
	if err != nil {
		return err
	}
	meetups := []models.NewMeetup{
		{Title: "Observability without the noise", Format: "talk", Timezone: "Europe/Kyiv", Capacity: 40,
			Location: "Kyiv office, room 3", Description: "Who needs which signal, and what to drop."},
		{Title: "Lunch & Learn: PostgreSQL indexes", Format: "lunch_and_learn", Timezone: "Europe/Berlin",
			Capacity: 25, Location: "Berlin, kitchen", SeriesID: &seriesID, Topic: "How PostgreSQL picks an index",
			Stage: models.StageSpeakers},
		{Title: "Writing design docs people read", Format: "workshop", Timezone: "America/New_York",
			Capacity: 15, Location: "New York, 12th floor", Stage: models.StageSurvey},
	}
	for _, nm := range meetups {
		nm.AudienceID = &audID
		if _, err := store.CreateMeetup(ctx, teamID, "", nm); err != nil {
			return err
		}
	}
	return nil
}
