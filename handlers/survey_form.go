package handlers

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/convene/convene/models"
)

// wallLayout is how a datetime-local field shows a wall time.
const wallLayout = "2006-01-02T15:04"

// surveyForm is the survey definition form. Its buttons edit the topic rows without JavaScript:
// op is "add", "up:N", "down:N", "remove:N", "idea:TITLE" or "save".
type surveyForm struct {
	Question         string
	Topics           []string
	AllowProposals   bool
	ProblemsQuestion string
	ClosesAt         string
	// Focus is the topic row to focus after an edit, or -1.
	Focus int
}

// readSurveyForm reads the posted form and the button pressed.
func readSurveyForm(v url.Values) (surveyForm, string) {
	f := surveyForm{Question: v.Get("question"), Topics: v["topic"], AllowProposals: v.Get("allow_proposals") != "",
		ProblemsQuestion: v.Get("problems_question"), ClosesAt: v.Get("closes_at"), Focus: -1}
	op := v.Get("op")
	if op == "" {
		op = "save"
	}
	return f, op
}

// surveyFormOf fills the form from a stored survey, its closing time in the meetup's zone.
func surveyFormOf(sv models.Survey, zone string) surveyForm {
	return surveyForm{Question: sv.Question, Topics: sv.Topics, AllowProposals: sv.AllowProposals,
		ProblemsQuestion: sv.ProblemsQuestion, ClosesAt: inLocation(sv.ClosesAt, zone).Format(wallLayout), Focus: -1}
}

// newSurveyForm is the form of a new survey: one empty topic, proposals allowed, closing in a week at 17:00.
func newSurveyForm(question, zone string, now time.Time) surveyForm {
	d := inLocation(now, zone).AddDate(0, 0, 7)
	closes := time.Date(d.Year(), d.Month(), d.Day(), 17, 0, 0, 0, d.Location())
	return surveyForm{Question: question, Topics: []string{""}, AllowProposals: true, ClosesAt: closes.Format(wallLayout), Focus: -1}
}

// apply performs an editing button on the topic rows.
func (f *surveyForm) apply(op string) {
	verb, arg, _ := strings.Cut(op, ":")
	i, err := strconv.Atoi(arg)
	valid := err == nil && i >= 0 && i < len(f.Topics)
	switch {
	case verb == "add":
		f.Topics = append(f.Topics, "")
		f.Focus = len(f.Topics) - 1
	case verb == "idea" && arg != "":
		f.Topics = append(nonBlank(f.Topics), arg)
	case verb == "remove" && valid:
		f.Topics = append(f.Topics[:i:i], f.Topics[i+1:]...)
	case verb == "up" && valid && i > 0:
		f.Topics[i-1], f.Topics[i] = f.Topics[i], f.Topics[i-1]
		f.Focus = i - 1
	case verb == "down" && valid && i < len(f.Topics)-1:
		f.Topics[i+1], f.Topics[i] = f.Topics[i], f.Topics[i+1]
		f.Focus = i + 1
	}
	if len(f.Topics) == 0 {
		f.Topics = []string{""}
	}
}

// input turns the form into the model's input, dropping blank topic rows.
func (f surveyForm) input() models.SurveyInput {
	allow := f.AllowProposals
	return models.SurveyInput{Question: f.Question, Topics: nonBlank(f.Topics), AllowProposals: &allow,
		ProblemsQuestion: f.ProblemsQuestion, ClosesAt: f.ClosesAt}
}

// refused is the form shown again with its errors: the blank topic rows dropped (the errors
// number the others), one empty row when none is left, and every text valid UTF-8.
func (f surveyForm) refused() surveyForm {
	f.Question, f.ProblemsQuestion, f.ClosesAt = readable(f.Question), readable(f.ProblemsQuestion), readable(f.ClosesAt)
	f.Topics = readableList(nonBlank(f.Topics))
	if len(f.Topics) == 0 {
		f.Topics = []string{""}
	}
	return f
}

// nonBlank drops the empty rows.
func nonBlank(rows []string) []string {
	out := []string{}
	for _, r := range rows {
		if strings.TrimSpace(r) != "" {
			out = append(out, r)
		}
	}
	return out
}

// Has reports whether a topic is already a row (case-insensitively).
func (f surveyForm) Has(topic string) bool {
	for _, t := range f.Topics {
		if strings.EqualFold(strings.TrimSpace(t), topic) {
			return true
		}
	}
	return false
}
