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

// Texts is the prefix of the mail's texts that name the place: mail.waitlisted or mail.waitlisted.remote.
func (d WaitlistedData) Texts() string { return placeTexts(KindWaitlisted, d.Mode) }

// Texts is the prefix of the mail's texts that name the place: mail.promoted or mail.promoted.remote.
func (d PromotedData) Texts() string { return placeTexts(KindPromoted, d.Mode) }

// placeTexts is the prefix of a place mail's texts: a seat in the room's, or an online place's.
func placeTexts(kind, mode string) string {
	if mode == ModeRemote {
		return "mail." + kind + ".remote"
	}
	return "mail." + kind
}
