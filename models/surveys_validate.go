package models

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Survey limits.
const (
	MaxSurveyTopics  = 30
	maxTopicLen      = 200
	maxQuestionLen   = 500
	maxSurveyHorizon = 366 * 24 * time.Hour
)

// SurveyInput is what an organiser gives to define a survey. ClosesAt is RFC 3339; without
// an offset it is a wall time in the meetup's time zone.
type SurveyInput struct {
	Question         string   `json:"question"`
	Topics           []string `json:"topics"`
	AllowProposals   *bool    `json:"allow_proposals"`
	ProblemsQuestion string   `json:"problems_question"`
	ClosesAt         string   `json:"closes_at"`
}

// normalize trims the input, reports every invalid field and returns the closing time.
func (in *SurveyInput) normalize(zone string, now time.Time) (time.Time, error) {
	fe := FieldErrors{}
	checkLineField(fe, "question", &in.Question, maxQuestionLen, true)
	checkLineField(fe, "problems_question", &in.ProblemsQuestion, maxQuestionLen, false)
	in.Topics = checkTopics(fe, in.Topics)
	if in.AllowProposals == nil {
		yes := true
		in.AllowProposals = &yes
	}
	closes, key := parseClosesAt(in.ClosesAt, zone, now)
	if key != "" {
		fe["closes_at"] = key
	}
	return closes, Invalid(fe)
}

// checkTopics trims the topics and flags none, too many, blank, unreadable, not on one line, too
// long and duplicates (case-insensitive), naming the bad item as topics.N.
func checkTopics(fe FieldErrors, topics []string) []string {
	out := make([]string, 0, len(topics))
	seen := map[string]bool{}
	for i, t := range topics {
		item := fmt.Sprintf("topics.%d", i)
		k := oneLineProblem(t)
		t = strings.Join(strings.Fields(t), " ")
		switch {
		case k != "":
			fe["topics"], fe[item] = k, k
		case t == "":
			fe["topics"], fe[item] = "blank_topic", "required"
		case utf8.RuneCountInString(t) > maxTopicLen:
			fe["topics"], fe[item] = MaxChars(maxTopicLen), MaxChars(maxTopicLen)
		case seen[strings.ToLower(t)]:
			fe["topics"], fe[item] = "duplicate_topic", "duplicate_topic"
		}
		seen[strings.ToLower(t)] = true
		out = append(out, t)
	}
	if len(out) == 0 {
		fe["topics"] = "no_topics"
	} else if len(out) > MaxSurveyTopics {
		fe["topics"] = "too_many_topics"
	}
	return out
}

// parseClosesAt reads the closing time (with an offset, or a wall time in zone) and
// returns it with an error key when it is missing, malformed, nonexistent, past or too far.
func parseClosesAt(s, zone string, now time.Time) (time.Time, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, "required"
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		var key string
		if t, key = parseWallTime(s, zone); key != "" {
			return t, key
		}
	}
	switch {
	case !t.After(now):
		return t, "in_the_past"
	case t.Sub(now) > maxSurveyHorizon:
		return t, "too_far"
	}
	return t.UTC(), ""
}

// surveyTimeLayouts are the accepted forms of a time without an offset (the second is datetime-local).
var surveyTimeLayouts = []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"}

// parseWallTime reads a wall time in zone; one skipped by a DST change is refused.
func parseWallTime(s, zone string) (time.Time, string) {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		loc = time.UTC
	}
	for _, layout := range surveyTimeLayouts {
		t, err := time.ParseInLocation(layout, s, loc)
		if err != nil {
			continue
		}
		if t.Format(layout) != s {
			return t, "nonexistent_time"
		}
		return t, ""
	}
	return time.Time{}, "invalid_time"
}
