package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/convene/convene/models"
)

// demoSpeakers is the demo's speaker directory.
var demoSpeakers = []models.SpeakerInput{
	{Name: "Olena Kovalenko", Email: "olena.kovalenko@example.org", Source: "industry_site", Language: "ru",
		ProfileURL: "https://example.org/olena", Expertise: []string{"postgres", "indexes", "performance"}},
	{Name: "Marco Rossi", Email: "marco.rossi@example.org", Source: "contacts", Language: "en",
		Expertise: []string{"postgresql", "replication"}, Notes: "Met at PGConf; prefers lunch slots."},
	{Name: "Priya Nair", Email: "priya.nair@example.org", Source: "social", Language: "en",
		Expertise: []string{"go", "observability"}},
	{Name: "Tom Becker", Email: "tom.becker@example.org", Source: "other", Language: "en",
		Expertise: []string{"index tuning", "postgres"}},
}

// seedSpeakers adds the speaker directory and puts the PostgreSQL meetup in outreach with some answers in.
func seedSpeakers(ctx context.Context, store *models.Store, teamID string) error {
	m, err := meetupByTitle(ctx, store, teamID, "Lunch & Learn: PostgreSQL indexes")
	if err != nil {
		return err
	}
	var cands []string
	for _, in := range demoSpeakers {
		sp, err := store.CreateSpeaker(ctx, teamID, in)
		if err != nil {
			return fmt.Errorf("demo speaker %s: %w", in.Name, err)
		}
		c, _, err := store.AddCandidate(ctx, teamID, "", m.ID, models.CandidateInput{SpeakerID: sp.ID})
		if err != nil {
			return err
		}
		cands = append(cands, c.ID)
	}
	slots, err := demoSlots(ctx, store, teamID, m)
	if err != nil {
		return err
	}
	msg := "We are organising a lunch & learn on how PostgreSQL picks an index, for about 25 colleagues.\nCould you speak?"
	if _, err := store.SendOutreach(ctx, teamID, "", m.ID, models.OutreachInput{CandidateIDs: cands[:3], Message: msg}, nil); err != nil {
		return err
	}
	answers := []models.ReplyInput{
		{Interest: "yes", Slots: slots, TalkTitle: "Why my index is not used", Abstract: "EXPLAIN, statistics and the planner's costs."},
		{Interest: "maybe", Slots: slots[1:], Note: "Only if it can be remote."},
	}
	for i, a := range answers {
		link := models.Link{TeamID: teamID, MeetupID: &m.ID, Subject: cands[i]}
		if err := store.SaveReply(ctx, link, a); err != nil {
			return err
		}
	}
	return nil
}

// demoSlots proposes two lunch slots three weeks ahead, on a Tuesday and a Thursday.
func demoSlots(ctx context.Context, store *models.Store, teamID string, m models.Meetup) ([]string, error) {
	day := time.Now().AddDate(0, 0, 21)
	for day.Weekday() != time.Tuesday {
		day = day.AddDate(0, 0, 1)
	}
	var ids []string
	for _, d := range []time.Time{day, day.AddDate(0, 0, 2)} {
		s, err := store.AddSlot(ctx, teamID, m.ID, models.SlotInput{StartsAt: d.Format("2006-01-02") + "T12:30"})
		if err != nil {
			return nil, err
		}
		ids = append(ids, s.ID)
	}
	return ids, nil
}

// meetupByTitle finds one of the team's meetups by its title.
func meetupByTitle(ctx context.Context, store *models.Store, teamID, title string) (models.Meetup, error) {
	ms, _, err := store.ListMeetups(ctx, teamID, models.Page{Limit: models.MaxLimit})
	if err != nil {
		return models.Meetup{}, err
	}
	for _, m := range ms {
		if m.Title == title {
			return m, nil
		}
	}
	return models.Meetup{}, fmt.Errorf("demo meetup %q: %w", title, models.ErrNotFound)
}
