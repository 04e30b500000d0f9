package models_test

import (
	"context"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

func TestSmokeSpeakers(t *testing.T) {
	store := testutil.DB(t)
	ctx := context.Background()
	team, _ := store.EnsureTeam(ctx, "T")
	m, err := store.CreateMeetup(ctx, team.ID, "", models.NewMeetup{Title: "X", Topic: "Go and PostgreSQL indexes", Timezone: "Europe/Kyiv"})
	if err != nil {
		t.Fatal(err)
	}
	sp, err := store.CreateSpeaker(ctx, team.ID, models.SpeakerInput{Name: "A", Email: "a@x.org", Source: "contacts", Expertise: []string{"golang", "Postgres"}})
	if err != nil {
		t.Fatal(err)
	}
	list, _, err := store.ListSpeakers(ctx, team.ID, models.SpeakerFilter{}, models.Page{})
	t.Log(list, err)
	sg, err := store.SuggestSpeakers(ctx, team.ID, m.ID, nil, 10)
	t.Logf("%+v %v", sg, err)
	sl, err := store.AddSlot(ctx, team.ID, m.ID, models.SlotInput{StartsAt: time.Now().Add(48 * time.Hour).Format("2006-01-02T15:04")})
	t.Log(sl, err)
	c, created, err := store.AddCandidate(ctx, team.ID, "", m.ID, models.CandidateInput{SpeakerID: sp.ID})
	t.Log(c, created, err)
	res, err := store.SendOutreach(ctx, team.ID, "", m.ID, models.OutreachInput{CandidateIDs: []string{c.ID}, Message: "hi"}, nil)
	t.Log(res, err)
	run, err := store.RunDueFollowUps(ctx, 10, nil)
	t.Log(run, err)
	z, err := store.AudienceForBrief(ctx, m.ID, 5)
	t.Log(z, err)
	cs, err := store.ListCandidates(ctx, team.ID, m.ID)
	t.Log(cs, err)
	lk := models.Link{TeamID: team.ID, MeetupID: &m.ID, Subject: c.ID}
	t.Log(store.SaveReply(ctx, lk, models.ReplyInput{Interest: "yes", Slots: []string{sl.ID}, TalkTitle: "T"}))
	t.Log(store.SetLineup(ctx, team.ID, "", m.ID, models.LineupInput{Speakers: []models.LineupPick{{c.ID, sl.ID}}}, nil))
	t.Log(store.ConfirmSlot(ctx, lk, nil))
	t.Log(store.ConfirmSlot(ctx, lk, nil))
	t.Log(store.ConfirmedLineup(ctx, team.ID, m.ID))
	t.Log(store.SpeakerLinkView(ctx, lk))
	t.Log(store.DeclineSlot(ctx, lk, nil))
	t.Log(store.ScoreCandidate(ctx, team.ID, "", m.ID, c.ID, models.ScoreInput{}))
	t.Log(store.SetFollowUpDays(ctx, team.ID, m.ID, 3))
}
