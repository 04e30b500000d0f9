package mailer

import "time"

// Mail kinds of the feedback form (step 6): templates/mail/<kind>.tmpl, texts in i18n/mail.feedback.*.json.
const (
	KindFeedback         = "feedback"          // FeedbackData
	KindFeedbackReminder = "feedback_reminder" // FeedbackData
	KindFeedbackAlert    = "feedback_alert"    // FeedbackAlertData
)

// FeedbackData is the data of a "feedback" mail and of its reminder.
type FeedbackData struct {
	To       Recipient
	Meetup   Meetup // Title, Start, End, TimeZone and Organizer are used
	FormURL  string // the personal /f/{token} page: absolute, or a path resolved against the base URL
	ClosesAt time.Time
}

// FeedbackAlertData is the data of a "feedback_alert" mail: one answer the organiser should see now.
type FeedbackAlertData struct {
	To        Recipient
	Meetup    Meetup
	Flagged   bool   // flagged by an organiser; otherwise a low rating
	From      string // who answered: name and address
	Rating    int
	NPS       string // "" when not given
	Impact    string // "" when not given
	Useful    string
	Improve   string
	Topics    string
	ReportURL string // the organiser's feedback page
}
