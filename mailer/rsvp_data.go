package mailer

// Mail kinds about a person's place (templates/mail/<kind>.tmpl), sent when the RSVP changes.
const (
	KindWaitlisted = "waitlisted" // WaitlistedData
	KindPromoted   = "promoted"   // PromotedData
)

// ModeRemote is the Mode of a place mail about an online place; any other is a seat in the room.
const ModeRemote = "remote"

// WaitlistedData is the data of a "waitlisted" mail: the room (or every remote place) is full,
// here is your place in line.
type WaitlistedData struct {
	To       Recipient
	Meetup   Meetup
	Mode     string // how the person attends: "in_person" or "remote"
	Position int    // place in the waitlist when the answer was taken
	RSVPURL  string // the personal /r/{token} page
}

// PromotedData is the data of a "promoted" mail: a seat (or remote place) freed up and is now yours.
type PromotedData struct {
	To          Recipient
	Meetup      Meetup
	Mode        string // how the person attends: "in_person" or "remote"
	RSVPURL     string
	CalendarURL string // the personal /r/{token}/invite.ics
}

// Remote reports whether the waitlist is for remote places (the mail's texts then say so).
func (d WaitlistedData) Remote() bool { return d.Mode == ModeRemote }

// Remote reports whether the place freed up is a remote one (the mail's texts then say so).
func (d PromotedData) Remote() bool { return d.Mode == ModeRemote }
