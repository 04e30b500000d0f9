package mailer

// Mail kinds telling a speaker who withdrew what became of their own invitation to the meetup,
// each rendered with SpeakerInvitationData.
const (
	// KindSpeakerStillInvited: they are in the meetup's audience, so they stay invited as an
	// attendee (their answer and the event in their calendar kept); with their RSVP link.
	KindSpeakerStillInvited = "speaker_still_invited"
	// KindSpeakerUninvited: they are not, so their invitation is withdrawn; the mail carries the
	// meetup's calendar CANCEL.
	KindSpeakerUninvited = "speaker_uninvited"
)

// SpeakerInvitationData is the data of the mail telling a speaker who withdrew what became of
// their own invitation to the meetup.
type SpeakerInvitationData struct {
	To        Recipient
	Meetup    Meetup // as it is now, its lineup without them
	RSVPURL   string // still invited: their personal /r/{token} page; "" when uninvited
	Organizer string // signs the mail; may be empty
}
