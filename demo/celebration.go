package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/convene/convene/models"
)

// demoSeriesName names the demo's series of lunch-and-learns (seedMeetups may have created it).
const demoSeriesName = "Lunch & Learn"

// pastSpec is one past meetup of the demo: who of the directory came (people[from:to] checked
// in, two more said yes and stayed away) and the ratings the first of them gave.
type pastSpec struct {
	title    string
	from, to int
	ratings  []int
}

// demoSeriesMeetups draw 14, 16, 15, then 11, 9, 7 people, fewer of them coming back each time:
// the series page warns that it is fading.
var demoSeriesMeetups = []pastSpec{
	{"Lunch & Learn: Git beyond commit", 0, 14, []int{5, 4, 5, 4, 5, 4, 4}},
	{"Lunch & Learn: SQL window functions", 4, 20, []int{5, 4, 4, 5, 4, 5}},
	{"Lunch & Learn: Feature flags", 8, 23, []int{4, 4, 5, 4, 4}},
	{"Lunch & Learn: Docker for developers", 14, 25, []int{4, 4, 3, 4}},
	{"Lunch & Learn: Code review etiquette", 18, 27, []int{4, 3, 3, 4}},
	{"Lunch & Learn: Writing runbooks", 22, 29, []int{3, 4, 3}},
}

// seedCelebration adds step 6's demo data once: the fading series, a finished and celebrated
// meetup with comments and suggested topics, and a meetup that has just ended, to celebrate.
func seedCelebration(ctx context.Context, store *models.Store, teamID string) error {
	if _, err := meetupByTitle(ctx, store, teamID, demoSeriesMeetups[0].title); err == nil {
		return nil // loaded already
	}
	c, err := demoCast(ctx, store, teamID)
	if err != nil {
		return err
	}
	if err := seedDemoSeries(ctx, store, teamID, c); err != nil {
		return err
	}
	if err := seedFinished(ctx, store, teamID, c); err != nil {
		return err
	}
	return seedJustEnded(ctx, store, teamID, c)
}

// cast is who the past meetups of the demo had: the directory, the speakers, the whole-company
// audience they were for and the lunch-and-learn series.
type cast struct {
	people, speakers   []string
	audience, seriesID string
}

// demoSeries returns the id of the team's series of that name, creating it if needed.
func demoSeries(ctx context.Context, store *models.Store, teamID, name string) (string, error) {
	list, err := store.ListSeries(ctx, teamID)
	for _, s := range list {
		if s.Name == name {
			return s.ID, err
		}
	}
	if err != nil {
		return "", err
	}
	return store.CreateSeries(ctx, teamID, name, "fortnightly")
}

// demoCast returns the ids of the directory's people (at least 60) and of the demo's speakers.
func demoCast(ctx context.Context, store *models.Store, teamID string) (cast, error) {
	var c cast
	ps, _, err := store.ListPeople(ctx, teamID, models.PeopleFilter{}, models.Page{Limit: models.MaxLimit})
	if err != nil {
		return c, err
	}
	if len(ps) < 60 {
		return c, fmt.Errorf("demo: %d people, want 60", len(ps))
	}
	for _, p := range ps {
		c.people = append(c.people, p.ID)
	}
	sps, _, err := store.ListSpeakers(ctx, teamID, models.SpeakerFilter{}, models.Page{Limit: models.MaxLimit})
	if err != nil {
		return c, err
	}
	for _, s := range sps {
		c.speakers = append(c.speakers, s.ID)
	}
	if len(c.speakers) == 0 {
		return c, fmt.Errorf("demo: no speakers")
	}
	// An audience with no criteria is the whole directory.
	if c.audience, err = store.CreateAudience(ctx, teamID, models.Audience{Name: "Whole company"}); err != nil {
		return c, err
	}
	c.seriesID, err = demoSeries(ctx, store, teamID, demoSeriesName)
	return c, err
}

// seedDemoSeries creates the fortnightly series, its six past meetups and their celebrations.
func seedDemoSeries(ctx context.Context, store *models.Store, teamID string, c cast) error {
	people, speakers := c.people, c.speakers
	first := noonUTC(-14 * len(demoSeriesMeetups))
	for i, sp := range demoSeriesMeetups {
		m, err := store.CreateMeetup(ctx, teamID, "", models.NewMeetup{Title: sp.title, Format: "lunch_and_learn",
			Timezone: "Europe/Berlin", Capacity: 30, Location: "Berlin, kitchen", SeriesID: &c.seriesID, AudienceID: &c.audience, Topic: sp.title[len("Lunch & Learn: "):]})
		if err != nil {
			return err
		}
		past := models.PastMeetup{MeetupID: m.ID, StartsAt: first.AddDate(0, 0, 14*i), Invited: people[:40],
			Yes: people[sp.from:min(sp.to+2, 40)], CheckedIn: people[sp.from:sp.to], FeedbackSent: true,
			SpeakerID: speakers[i%len(speakers)], TalkTitle: m.Topic, Answers: seriesAnswers(people[sp.from:], sp.ratings)}
		if err := store.SeedPastMeetup(ctx, teamID, past); err != nil {
			return fmt.Errorf("demo meetup %s: %w", sp.title, err)
		}
		in := models.CelebrateInput{Worked: "Short talk, lots of questions.", RecapLinks: []string{"https://slides.example.com/" + m.ID[:8]}}
		if err := store.CelebratePast(ctx, teamID, m.ID, in); err != nil {
			return err
		}
	}
	return nil
}

// seriesAnswers is one answer per rating, from the first attendees: NPS and impact follow the rating.
func seriesAnswers(attendees []string, ratings []int) []models.SeedAnswer {
	out := make([]models.SeedAnswer, len(ratings))
	for i, r := range ratings {
		out[i] = models.SeedAnswer{PersonID: attendees[i], Rating: r, NPS: 2 * r, Impact: max(1, r-1)}
	}
	return out
}

// noonUTC is 11:00 UTC (lunch in Berlin) the given number of days from today.
func noonUTC(days int) time.Time {
	return time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, days).Add(11 * time.Hour)
}
