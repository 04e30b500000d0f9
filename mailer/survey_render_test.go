package mailer

import (
	"strings"
	"testing"
	"time"
)

// surveySamples is realistic data for the survey kinds: a meetup without a time yet.
func surveySamples() map[string]any {
	m := sampleMeetup()
	m.Start, m.End = time.Time{}, time.Time{}
	sd := SurveyData{To: sampleRecipient(), Meetup: m, Question: "Which topics would you like?",
		Topics: []string{"Indexes", "Vacuum <b>tuning</b>"}, ClosesAt: time.Date(2026, 12, 3, 15, 0, 0, 0, time.UTC),
		SurveyURL: "/s/tok456"}
	last := sd
	last.Reminder = 2
	return map[string]any{
		KindSurvey:         sd,
		KindSurveyReminder: last,
		KindTopicChosen:    TopicChosenData{To: sampleRecipient(), Meetup: m, Topic: "Indexes", SurveyURL: "/s/tok456", Answered: true},
	}
}

// TestRenderSurveyKinds renders the survey mails in both languages: link, topics, closing time with its offset.
func TestRenderSurveyKinds(t *testing.T) {
	r := newTestRenderer(t)
	for kind, data := range surveySamples() {
		for _, lang := range mailLangs() {
			t.Run(kind+"/"+lang, func(t *testing.T) {
				m, err := r.Render(kind, lang, data)
				if err != nil {
					t.Fatalf("Render: %v", err)
				}
				checkSubject(t, m.Subject)
				checkNoLeaks(t, m)
				checkHTMLSelfContained(t, m.HTML, lang)
				if !strings.Contains(m.Text, testBaseURL+"/s/tok456") || !strings.Contains(m.HTML, testBaseURL+"/s/tok456") {
					t.Errorf("no personal link:\n%s", m.Text)
				}
				if kind != KindTopicChosen && (!strings.Contains(m.Text, "(Europe/Kyiv, UTC+02:00)") ||
					!strings.Contains(m.Text, "  - Vacuum <b>tuning</b>") || !strings.Contains(m.HTML, "Vacuum &lt;b&gt;tuning")) {
					t.Errorf("closing time or topics missing or unescaped:\n%s\n%s", m.Text, m.HTML)
				}
			})
		}
	}
	m, _ := r.Render(KindSurveyReminder, "en", surveySamples()[KindSurveyReminder])
	if !strings.Contains(m.Text, "last reminder") {
		t.Errorf("the second reminder does not say it is the last:\n%s", m.Text)
	}
	unanswered := surveySamples()[KindTopicChosen].(TopicChosenData)
	unanswered.Answered = false
	for _, lang := range mailLangs() {
		m, err := r.Render(KindTopicChosen, lang, unanswered)
		if err != nil || strings.Contains(m.Text, "/s/tok456") || strings.Contains(m.HTML, "/s/tok456") ||
			strings.Contains(m.Text, "Thank you") || strings.Contains(m.Text, "Спасибо") || !strings.Contains(m.Text, "Indexes") {
			t.Errorf("%s: the topic mail to one who did not answer thanks them or links an answer (%v):\n%s", lang, err, m.Text)
		}
	}
}
