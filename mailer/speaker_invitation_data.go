package mailer

// Mail kinds telling a speaker who withdrew what became of their own invitation to the meetup,
// each rendered with SpeakerInvitationData.
const (
	// KindSpeakerStillInvited: they are in the meetup's audience, so they stay invited as an
	// attendee (their answer kept); with their RSVP link and the meetup's calendar REQUEST, which
	// puts the meetup in their calendar in place of their talk's event.
	KindSpeakerStillInvited = "speaker_still_invited"
	// KindSpeakerUninvited: they are not, so their invitation is withdrawn; the mail carries the
	// meetup's calendar CANCEL when their calendar held the meetup's own event (MeetupEvent).
	KindSpeakerUninvited = "speaker_uninvited"
)

// SpeakerInvitationData is the data of the mail telling a speaker who withdrew what became of
// their own invitation to the meetup.
type SpeakerInvitationData struct {
	To        Recipient
	Meetup    Meetup // as it is now, its lineup without them
	RSVPURL   string // still invited: their personal /r/{token} page; "" when uninvited
	Organizer string // signs the mail; may be empty
	// MeetupEvent (uninvited): their calendar held the meetup's own event besides their talk's,
	// and this mail's CANCEL removes it; otherwise the withdrawal's CANCEL of their talk's event
	// leaves nothing of the meetup there.
	MeetupEvent bool
}
