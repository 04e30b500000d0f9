package models

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Reason explains one part of a suggestion's score: a key (translated by the UI) and its value.
type Reason struct {
	Key   string
	Value string
}

// reasonText is each reason in English, as the API shows it.
var reasonText = map[string]string{
	"expertise":      "expertise: %s",
	"survey":         "survey: %s",
	"rated":          "rated %s",
	"talks":          "talks given: %s",
	"asked_recently": "asked recently (%s days ago)",
	"declined":       "declined %s times",
	"no_reply":       "did not reply %s times",
	"new_voice":      "new voice, never spoke; interests: %s",
}

// String is the reason in English.
func (r Reason) String() string { return fmt.Sprintf(reasonText[r.Key], r.Value) }

// MarshalJSON writes the reason as its English text.
func (r Reason) MarshalJSON() ([]byte, error) { return json.Marshal(r.String()) }

// Weights of the suggestion score.
const (
	weightTopic       = 10.0
	weightExtra       = 4.0
	weightNewVoice    = 8.0
	penaltyRecent     = 6.0
	penaltyDeclined   = 8.0
	penaltyNoReply    = 3.0
	recentlyAskedDays = 90
)

// speakerRow is a speaker with the history the ranking needs.
type speakerRow struct {
	Speaker
	DaysSinceAsked *int `db:"days_since_asked"`
}

// scoreSpeaker ranks one speaker against the topic words and the extra terms; ok is false without a match.
func scoreSpeaker(sp speakerRow, topic, extra []string) (Suggestion, bool) {
	sg := Suggestion{SpeakerID: &sp.ID, Name: sp.Name, Expertise: sp.Expertise, Reasons: []Reason{}}
	onTopic := matchingTags(sp.Expertise, topic)
	var more []string
	for _, t := range matchingTags(sp.Expertise, extra) {
		if !slices.Contains(onTopic, t) {
			more = append(more, t)
		}
	}
	if len(onTopic) == 0 && len(more) == 0 {
		return sg, false
	}
	sg.add(weightTopic*float64(len(onTopic)), "expertise", strings.Join(onTopic, ", "), len(onTopic) > 0)
	sg.add(weightExtra*float64(len(more)), "survey", strings.Join(more, ", "), len(more) > 0)
	h := sp.SpeakerHistory
	if h.Rating != nil {
		sg.add((*h.Rating-3)*2, "rated", fmt.Sprintf("%.1f", *h.Rating), true)
	}
	sg.add(float64(min(h.TalksGiven, 3)), "talks", fmt.Sprint(h.TalksGiven), h.TalksGiven > 0)
	recent := sp.DaysSinceAsked != nil && *sp.DaysSinceAsked < recentlyAskedDays
	if recent {
		sg.add(-penaltyRecent, "asked_recently", fmt.Sprint(*sp.DaysSinceAsked), true)
	}
	sg.add(-penaltyDeclined, "declined", fmt.Sprint(h.Declined), h.Declined >= 2)
	sg.add(-penaltyNoReply*float64(min(h.NoReply, 2)), "no_reply", fmt.Sprint(h.NoReply), h.NoReply > 0)
	return sg, true
}

// scoreVoice ranks a person of the directory who never spoke, by their interests.
func scoreVoice(p voicePerson, topic, extra []string) (Suggestion, bool) {
	id := p.ID
	hits := matchingTags(p.Interests, append(append([]string{}, topic...), extra...))
	if len(hits) == 0 {
		return Suggestion{}, false
	}
	sg := Suggestion{PersonID: &id, Name: cmpMsg(p.Name == "", p.Email, p.Name), NewVoice: true,
		Expertise: p.Interests, Reasons: []Reason{}}
	sg.add(weightNewVoice*float64(len(hits)), "new_voice", strings.Join(hits, ", "), true)
	return sg, true
}

// add adds points and, when shown, the reason for them.
func (sg *Suggestion) add(points float64, key, value string, shown bool) {
	if !shown {
		return
	}
	sg.Score = math.Round((sg.Score+points)*10) / 10
	sg.Reasons = append(sg.Reasons, Reason{Key: key, Value: value})
}
