package models

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Answer limits of the feedback form.
const (
	maxFeedbackText   = 2000
	maxNextTopicsText = 1000
	maxNextTopics     = 10
)

// FeedbackInput is the form as posted: numbers still as text, so a bad one is a field error.
type FeedbackInput struct {
	Rating     string `json:"rating" form:"rating"`
	NPS        string `json:"nps" form:"nps"`
	Impact     string `json:"impact" form:"impact"`
	Useful     string `json:"useful" form:"useful"`
	Improve    string `json:"improve" form:"improve"`
	NextTopics string `json:"next_topics" form:"next_topics"`
}

// normalize checks the input and returns the answer to store and the suggested topics.
func (in FeedbackInput) normalize() (Feedback, []string, error) {
	fe := FieldErrors{}
	var f Feedback
	if r := scoreField(fe, "rating", in.Rating, 1, 5, true); r != nil {
		f.Rating = *r
	}
	f.NPS = scoreField(fe, "nps", in.NPS, 0, 10, false)
	f.Impact = scoreField(fe, "impact", in.Impact, 1, 5, false)
	f.Useful, f.Improve, f.NextTopics = in.Useful, in.Improve, in.NextTopics
	checkTextField(fe, "useful", &f.Useful, maxFeedbackText, false)
	checkTextField(fe, "improve", &f.Improve, maxFeedbackText, false)
	checkTextField(fe, "next_topics", &f.NextTopics, maxNextTopicsText, false)
	topics := SplitTopics(f.NextTopics)
	if len(topics) > maxNextTopics && fe["next_topics"] == "" {
		fe["next_topics"] = "too_many"
	}
	for _, t := range topics {
		if utf8.RuneCountInString(t) > maxTopicLen && fe["next_topics"] == "" {
			fe["next_topics"] = "too_long"
		}
	}
	return f, topics, Invalid(fe)
}

// scoreField parses an optional (or required) whole number within [lo, hi]; nil when empty or bad.
func scoreField(fe FieldErrors, field, v string, lo, hi int, required bool) *int {
	v = strings.TrimSpace(v)
	if v == "" {
		if required {
			fe[field] = "required"
		}
		return nil
	}
	n, err := strconv.Atoi(v)
	switch {
	case err != nil:
		fe[field] = "not_a_number"
		return nil
	case n < lo || n > hi:
		fe[field] = "out_of_range"
		return nil
	}
	return &n
}

// SplitTopics splits suggested topics on lines, commas and semicolons, collapsing white space
// and dropping blanks and repeats (case-insensitively).
func SplitTopics(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ',' || r == ';' })
	seen := map[string]bool{}
	var out []string
	for _, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" || seen[strings.ToLower(p)] {
			continue
		}
		seen[strings.ToLower(p)] = true
		out = append(out, p)
	}
	return out
}
