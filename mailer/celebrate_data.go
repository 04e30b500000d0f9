package mailer

// Mail kinds of step 6 (celebration), each rendered with the data type named beside it.
const (
	KindSpeakerThanks = "speaker_thanks" // SpeakerThanksData: thank-you to a confirmed speaker with the feedback
	KindRecap         = "recap"          // RecapData: the recap to an attendee with the links and the retrospective
)

// SpeakerThanksData is the data of a speaker's thank-you after the meetup.
type SpeakerThanksData struct {
	To        Recipient
	Title     string   // the meetup's title
	TalkTitle string   // may be empty
	Rating    string   // the average rating, formatted for the language; "" when nobody rated
	Count     int      // how many rated
	Comments  []string // what the audience found useful (plain text)
	Organizer string   // signs the mail; may be empty
}

// RecapData is the data of the recap sent to the attendees.
type RecapData struct {
	To        Recipient
	Title     string   // the meetup's title
	Worked    string   // what worked (plain text, may be empty)
	Change    string   // what the organisers will change (plain text, may be empty)
	Links     []string // slides, recording: absolute http(s) URLs
	Organizer string
}
