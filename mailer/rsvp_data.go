package mailer

// Mail kinds about a person's place (templates/mail/<kind>.tmpl), sent when the RSVP changes.
const (
	KindWaitlisted = "waitlisted" // WaitlistedData
	KindPromoted   = "promoted"   // PromotedData
)

// WaitlistedData is the data of a "waitlisted" mail: the room is full, here is your place.
type WaitlistedData struct {
	To       Recipient
	Meetup   Meetup
	Position int    // place in the waitlist when the answer was taken
	RSVPURL  string // the personal /r/{token} page
}

// PromotedData is the data of a "promoted" mail: a seat freed up and is now yours.
type PromotedData struct {
	To          Recipient
	Meetup      Meetup
	RSVPURL     string
	CalendarURL string // the personal /r/{token}/invite.ics
}
