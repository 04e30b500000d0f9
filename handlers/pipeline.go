package handlers

import (
	"time"

	"github.com/convene/convene/models"
)

// steps are the six steps of the method, as the meetup page shows them.
var steps = []string{"audience", "survey", "speakers", "outreach", "confirmation", "celebration"}

// stepOfStage is the step a meetup in each stage is working on; a done meetup is past the last.
var stepOfStage = map[string]int{
	models.StageAudience: 0, models.StageSurvey: 1, models.StageSpeakers: 2, models.StageOutreach: 3,
	models.StageConfirmation: 4, models.StageScheduled: 5, models.StageDone: len(steps),
}

// pipelineStep is one step on the meetup page: its state, what to do in it and what it produced.
type pipelineStep struct {
	N       int
	Step    string
	State   string // done, current or todo
	Summary string
	Links   []pipelineLink
}

// pipelineLink is a page a step links to from the pipeline.
type pipelineLink struct{ ID, URL, Label string }

// pipeline lays out the six steps for a meetup; summaries say what the done steps produced.
func pipeline(tr Translator, m models.Meetup, aud *audienceView) []pipelineStep {
	cur := currentStep(m, time.Now())
	if m.Stage == models.StageCancelled {
		cur = stepsDoneBeforeCancel(m)
	}
	out := make([]pipelineStep, len(steps))
	for i, s := range steps {
		st := pipelineStep{N: i + 1, Step: s, State: "todo"}
		switch {
		case i < cur:
			st.State = "done"
		case m.Stage == models.StageCancelled:
			st.State = "cancelled"
		case i == cur:
			st.State = "current"
		}
		out[i] = st
	}
	if aud != nil {
		out[0].Summary = tr.T("pipeline.summary.audience", "Name", aud.Name, "Count", aud.Size)
	}
	if m.Topic != "" {
		out[1].Summary = tr.T("pipeline.summary.topic", "Topic", m.Topic)
	}
	stepLinks(out, m)
	return out
}

// currentStep is the step a meetup is on at now, -1 when cancelled. A scheduled meetup is still
// in confirmation (invitations, answers, the waitlist) until it starts; celebration begins then.
func currentStep(m models.Meetup, now time.Time) int {
	cur, ok := stepOfStage[m.Stage]
	switch {
	case !ok:
		return -1
	case m.Stage == models.StageScheduled && (m.StartsAt == nil || now.Before(*m.StartsAt)):
		return stepOfStage[models.StageConfirmation]
	}
	return cur
}

// stepLinks gives each step the pages where its work is done.
func stepLinks(out []pipelineStep, m models.Meetup) {
	base := "/meetups/" + m.ID
	out[1].Links = []pipelineLink{{ID: "survey-link", URL: base + "/survey", Label: "survey.link"}}
	out[2].Links = []pipelineLink{{ID: "meetup-speakers", URL: base + "/speakers", Label: "speakers.meetup.link"}}
	out[3].Links = []pipelineLink{{ID: "step-outreach-link", URL: base + "/speakers#slots", Label: "pipeline.link.outreach"}}
	out[4].Links = []pipelineLink{{ID: "step-compare-link", URL: base + "/speakers/compare", Label: "pipeline.link.compare"},
		{ID: "schedule-link", URL: base + "/schedule", Label: "schedule.link"},
		{ID: "attendees-link", URL: base + "/attendees", Label: "attendees.link"}}
	if m.Stage == models.StageCancelled {
		return
	}
	out[5].Links = append([]pipelineLink{{ID: "checkin-link", URL: base + "/checkin", Label: "checkin.link"},
		{ID: "feedback-link", URL: base + "/feedback", Label: "feedback.link"}}, celebrationLinks(m)...)
}

// stepsDoneBeforeCancel is how many steps a cancelled meetup had done: those before the step of
// the stage it was cancelled in, or, cancelled before that was kept, what its audience and topic show.
func stepsDoneBeforeCancel(m models.Meetup) int {
	if m.CancelledStage != nil {
		if n, ok := stepOfStage[*m.CancelledStage]; ok {
			return min(n, stepOfStage[models.StageConfirmation])
		}
	}
	switch {
	case m.AudienceID != nil && m.Topic != "":
		return 2
	case m.AudienceID != nil:
		return 1
	}
	return 0
}
