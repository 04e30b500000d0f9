package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/convene/convene/models"
)

// briefSurvey is what the topic survey said, for the brief: top votes and problems named.
type briefSurvey struct {
	TopVotes []models.Tally
	Problems []string
}

// briefProblems is how many of the problems the survey collected the brief quotes.
const briefProblems = 5

// surveyForBrief returns what the meetup's survey said (its most voted topics and the problems
// most named, each once), or nil when it has no answers.
func (h *Handlers) surveyForBrief(ctx context.Context, m models.Meetup) (*briefSurvey, error) {
	res, err := h.Store.SurveyResults(ctx, m.TeamID, m.ID)
	if errors.Is(err, models.ErrNotFound) || (err == nil && res.Responses == 0) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	sv := &briefSurvey{}
	for _, p := range res.Problems[:min(len(res.Problems), briefProblems)] {
		sv.Problems = append(sv.Problems, strings.TrimRight(p.Problem, ".;")) // the line ends with its own full stop
	}
	for _, t := range res.Topics {
		if t.Votes > 0 && len(sv.TopVotes) < surveyTopTopics {
			sv.TopVotes = append(sv.TopVotes, models.Tally{Value: t.Topic, Count: t.Votes})
		}
	}
	return sv, nil
}

// briefSurveyLines are the brief's lines on what the survey said: top votes, problems named.
func (h *Handlers) briefSurveyLines(ctx context.Context, tr Translator, m models.Meetup) ([]string, error) {
	sv, err := h.surveyForBrief(ctx, m)
	if sv == nil || err != nil {
		return nil, err
	}
	var out []string
	if len(sv.TopVotes) > 0 {
		out = append(out, tr.T("speakers.brief.votes", "List", tallies(sv.TopVotes)))
	}
	if len(sv.Problems) > 0 {
		out = append(out, tr.T("speakers.brief.problems", "List", strings.Join(sv.Problems, "; ")))
	}
	return out, nil
}

// composeBrief drafts the brief the organiser edits before sending: the audience profile, the
// topic, what the survey said and the candidate slots, in the language of tr.
func (h *Handlers) composeBrief(ctx context.Context, tr Translator, m models.Meetup, slots []models.Slot) (string, error) {
	aud, err := h.Store.AudienceForBrief(ctx, m.ID, 5)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(tr.T("speakers.brief.intro", "Title", m.Title, "Format", tr.T("format."+m.Format)))
	if m.Topic != "" {
		line(tr.T("speakers.brief.topic", "Topic", m.Topic))
	}
	line(tr.T("speakers.brief.audience", "Count", aud.Size))
	if len(aud.Departments) > 0 {
		line(tr.T("speakers.brief.departments", "List", tallies(aud.Departments)))
	}
	if len(aud.Interests) > 0 {
		line(tr.T("speakers.brief.interests", "List", tallies(aud.Interests)))
	}
	said, err := h.briefSurveyLines(ctx, tr, m)
	if err != nil {
		return "", err
	}
	for _, l := range said {
		line(l)
	}
	if free := freeSlots(slots); len(free) > 0 {
		line("")
		line(tr.T("speakers.brief.slots", "Zone", m.Timezone))
		for _, s := range free {
			line("• " + slotLabel(tr, s.StartsAt, s.EndsAt, m.Timezone))
		}
	}
	line("")
	line(tr.T("speakers.brief.ask"))
	return b.String(), nil
}

// tallies writes "a (3), b (2)".
func tallies(ts []models.Tally) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		parts = append(parts, fmt.Sprintf("%s (%d)", t.Value, t.Count))
	}
	return strings.Join(parts, ", ")
}

// slotLabel shows a slot in a zone with its weekday and offset: "2026-06-02 (Tue) 13:00–14:00 UTC+03:00".
func slotLabel(tr Translator, start, end time.Time, zone string) string {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		loc = time.UTC
	}
	s, e := start.In(loc), end.In(loc)
	day := tr.T(fmt.Sprintf("speakers.weekday.%d", s.Weekday()))
	endFmt := "15:04"
	if e.YearDay() != s.YearDay() {
		endFmt = "2006-01-02 15:04"
	}
	return fmt.Sprintf("%s (%s) %s–%s UTC%s", s.Format("2006-01-02"), day, s.Format("15:04"), e.Format(endFmt), s.Format("-07:00"))
}

// draftsIfUnedited is the composed brief in every language when message is that draft in one of
// them, sent as composed: each speaker then gets it in their own language instead of an English
// text in a Russian mail. nil when the organiser edited it (or the meetup cannot be read: the
// send reports that), so everyone gets what was written.
func (h *Handlers) draftsIfUnedited(ctx context.Context, teamID, meetupID, message string) map[string]string {
	m, err := h.Store.GetMeetup(ctx, teamID, meetupID)
	if err != nil {
		return nil
	}
	slots, err := h.Store.ListSlots(ctx, teamID, m.ID)
	if err != nil {
		return nil
	}
	drafts, unedited := map[string]string{}, false
	for _, lang := range models.PersonLanguages {
		d, err := h.composeBrief(ctx, h.Views.NewTranslator(lang), m, slots)
		if err != nil {
			return nil
		}
		drafts[lang] = d
		unedited = unedited || sameBrief(d, message)
	}
	if !unedited {
		return nil
	}
	return drafts
}

// sameBrief compares two briefs as the send stores them: line ends and outer space aside.
func sameBrief(a, b string) bool {
	norm := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }
	return norm(a) == norm(b)
}

// freeSlots are the slots no confirmed speaker holds: a brief offers only those.
func freeSlots(slots []models.Slot) []models.Slot {
	var out []models.Slot
	for _, s := range slots {
		if s.HeldBy == nil {
			out = append(out, s)
		}
	}
	return out
}
