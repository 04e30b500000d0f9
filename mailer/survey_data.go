package mailer

import "time"

// Mail kinds of the topic survey (step 2): templates/mail/<kind>.tmpl, texts in i18n/mail.*.json.
const (
	KindSurvey         = "survey"          // SurveyData
	KindSurveyReminder = "survey_reminder" // SurveyData
	KindTopicChosen    = "topic_chosen"    // TopicChosenData
)

// SurveyData is the data of a "survey" mail and of its reminders.
type SurveyData struct {
	To        Recipient
	Meetup    Meetup // Title, Description, TimeZone and Organizer are used; the meetup has no time yet
	Question  string
	Topics    []string
	ClosesAt  time.Time
	SurveyURL string // the personal /s/{token} page: absolute, or a path resolved against the base URL
	Reminder  int    // in a reminder, its number (1 or 2)
}

// TopicChosenData is the data of a "topic_chosen" mail: the survey's result, told to those asked.
type TopicChosenData struct {
	To        Recipient
	Meetup    Meetup
	Topic     string
	SurveyURL string // their answer's page; shown only when Answered
	Answered  bool   // whether they answered: only those are thanked for it
}
